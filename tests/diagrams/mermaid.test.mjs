// Every Mermaid diagram in the reviewer summaries parses with Mermaid's own parser, as GitHub renders
// them. Mermaid needs a DOM even to parse (DOMPurify), so a jsdom window stands in for the browser's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

const snapshots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'snapshots');
const diagramsIn = (text) => [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the summaries of the regional and edge stacks each carry a diagram, and the architecture the platform\'s', () => {
  for (const stack of ['production', 'dr', 'edge'])
    assert.equal(diagramsIn(readFileSync(join(snapshots, `${stack}.md`), 'utf8')).length, 1, `${stack}.md`);
  assert.equal(diagramsIn(readFileSync(join(snapshots, '..', 'docs', 'ARCHITECTURE.md'), 'utf8')).length, 1);
});

const repository = join(snapshots, '..');
const documents = [
  ...readdirSync(snapshots).filter((f) => f.endsWith('.md') && !f.includes('.received.')).sort().map((f) => join('snapshots', f)),
  join('docs', 'ARCHITECTURE.md'),
  'README.md',
];

for (const file of documents) {
  for (const [index, diagram] of diagramsIn(readFileSync(join(repository, file), 'utf8')).entries()) {
    test(`${file} diagram ${index + 1} parses`, async () => {
      assert.ok(await mermaid.parse(diagram), `${file} diagram ${index + 1}`);
    });
  }
}

test('a broken diagram does not parse (the check can fail)', async () => {
  await assert.rejects(() => mermaid.parse('flowchart LR\n  a[unclosed --> b'));
});
