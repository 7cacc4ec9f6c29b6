// npm run watch as a user runs it: one process, a report per save (the diff, or every model error with file and
// path, without stopping), and Ctrl-C ending it cleanly with no temp folder left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { WatchSession } from './session.mjs';

const leftovers = (pid) => readdirSync(tmpdir()).filter((name) => name.startsWith(`srp-synth-${pid}-`) || name.startsWith('srp-watch-2'));

test('watch reports each save: the diff, then a bad value with file and path, then the diff again, and stops on Ctrl-C', { timeout: 600_000 }, async () => {
  const session = await WatchSession.start();
  const pid = session.child.pid;
  try {
    assert.match(session.first.text, /No change against the snapshots\./);

    const changed = await session.edit('production.yaml', 'desiredCount: 2', 'desiredCount: 3');
    assert.match(changed.text, /production\.yaml saved/);
    assert.match(changed.text, /production: 0 added, 0 removed, 1 changed/);
    assert.match(changed.text, /desired_count: 2 → 3/);
    // The failover raises DR to production's count: the change shows inside DR's state machine definition.
    assert.match(changed.text, /definition » States\.Scale out and promote\.Branches\[0\]\.States\.Raise the desired count\.Parameters\.DesiredCount: 2 → 3/);

    const broken = await session.edit('production.yaml', 'desiredCount: 3', 'desiredCount: many');
    assert.match(broken.text, /production\.yaml:\d+: service\.desiredCount: 'many' is not a whole number/);

    const fixed = await session.edit('production.yaml', 'desiredCount: many', 'desiredCount: 2');
    assert.match(fixed.text, /No change against the snapshots\./);
  } finally {
    const { exit, output } = await session.stop();
    assert.deepEqual(exit, { code: 0, signal: null }, 'Ctrl-C ends the watch with exit code 0');
    assert.match(output, /Stopped watching\./);
    assert.deepEqual(leftovers(pid), [], 'no temp folder of the watch is left');
  }
});
