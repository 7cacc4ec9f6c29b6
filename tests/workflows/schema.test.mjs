// Every GitHub workflow against GitHub's workflow schema, with @action-validator/cli (catches unknown keys and
// wrong shapes here, where no runner is). WorkflowTests (Synth.Tests) checks what a schema cannot see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const folder = new URL('../../.github/workflows/', import.meta.url).pathname;
const validator = new URL('../../node_modules/.bin/action-validator', import.meta.url).pathname;

function validate(file) {
  try {
    execFileSync(validator, [file], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, findings: '' };
  } catch (error) {
    return { ok: false, findings: `${error.stdout}${error.stderr}` };
  }
}

for (const file of readdirSync(folder).filter((f) => f.endsWith('.yml')).sort()) {
  test(`${file} has no schema findings`, () => {
    const { ok, findings } = validate(join(folder, file));
    assert.ok(ok, findings);
  });
}

test('the validator finds an unknown key (so a clean result means something)', (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'srp-workflow-'));
  const broken = join(scratch, 'broken.yml');
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  writeFileSync(broken, readFileSync(join(folder, 'dr-failover.yml'), 'utf8').replace('    runs-on: ubuntu-24.04', '    runs-on: ubuntu-24.04\n    run-on: typo'));
  const { ok, findings } = validate(broken);
  assert.equal(ok, false);
  assert.match(findings, /Additional property 'run-on' is not allowed/);
});
