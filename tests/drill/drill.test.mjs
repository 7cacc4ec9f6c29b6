// A small disaster-recovery drill with semi-synchronous replication (AFTER_SYNC): real MariaDB primary and
// replica, the published app, a few hundred signed-in writes, kill -9 of the primary, the failover. Not one
// acknowledged write may be missing on the promoted replica, DR must serve the session production issued, and
// nothing the drill started may be left running. A promotion that leaves the replica read-only must fail it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { drill, parseArguments } from './drill.mjs';
import { missingWrites } from './load.mjs';
import { running } from './processes.mjs';

const quiet = { log: () => {} };

function closed(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

async function assertEverythingStopped(report) {
  assert.deepEqual(running(), []);
  for (const endpoint of Object.values(report.endpoints)) {
    const port = Number(String(endpoint).split(':').pop());
    assert.ok(await closed(port), `${endpoint} still answers after the drill`);
  }
}

// The kill comes right after an acknowledgement and cuts the replication link with what is on it: over a link
// slower than the app's answer, asynchronous replication loses that write (the second test shows the check sees
// it), semi-synchronous replication must not.
test('a semi-synchronous drill loses no acknowledged write and DR serves production\'s session', { timeout: 120000 }, async () => {
  const report = await drill({ ...quiet, semiSync: true, writers: 4, seconds: 20, writes: 200, linkMs: 10, timeoutSeconds: 100 });

  assert.equal(report.status, 'SUCCEEDED', report.problems.join('; '));
  assert.ok(report.failover.rpo.acknowledgedByProduction >= 100, `only ${report.failover.rpo.acknowledgedByProduction} writes before the kill`);
  assert.equal(report.failover.rpo.missing, 0, JSON.stringify(report.failover.rpo.missingWrites));
  assert.equal(report.failover.semiSync.status, 'ON');
  assert.equal(report.failover.semiSync.no_tx, 0);
  assert.equal(report.failover.productionSessionOnDr, true);
  assert.ok(report.failover.rto.seconds > 0 && report.failover.rto.seconds < 60, `RTO ${report.failover.rto.seconds} s`);
  assert.ok(report.failover.acknowledgedByDr > 0, 'DR acknowledged no write after the switch');
  assert.deepEqual(report.steps.filter((s) => s.outcome !== 'succeeded'), []);
  const order = report.steps.filter((s) => s.phase === 'failover').map((s) => s.step.trim());
  for (const [before, after] of [['Kill the primary (kill -9) and cut its link', 'Read the standby database'], ['Read the standby database', 'Promote the database'],
    ['Promote the database', 'Wait until it is writable'], ['Scale out and promote', 'Record the active region (front door to DR)'],
    ['Record the active region (front door to DR)', "Confirm a signed-in page from DR (production's session)"]]) {
    assert.ok(order.indexOf(before) < order.indexOf(after), `${before} before ${after}: ${order.join(' > ')}`);
  }
  assert.equal(report.metObjectives, true);
  await assertEverythingStopped(report);
});

test('asynchronous replication over a slow link loses the write acknowledged just before the kill, and the drill counts it', { timeout: 120000 }, async () => {
  const report = await drill({ ...quiet, semiSync: false, writers: 2, seconds: 2, linkMs: 150, timeoutSeconds: 100 });

  assert.equal(report.status, 'SUCCEEDED', report.problems.join('; '));
  assert.ok(report.failover.rpo.missing >= 1, `no acknowledged write lost: ${JSON.stringify(report.failover.rpo)}`);
  assert.ok(report.failover.rpo.seconds >= 0 && report.failover.rpo.seconds < 1, `RPO ${report.failover.rpo.seconds} s`);
  assert.equal(report.metObjectives, true); // under a second lost is within the model's recovery.rpoMinutes
  await assertEverythingStopped(report);
});

test('a promotion that leaves the replica read-only fails the drill', { timeout: 120000 }, async () => {
  const report = await drill({ ...quiet, semiSync: true, writers: 1, seconds: 1, writableSeconds: 3, timeoutSeconds: 100, brokenPromotion: true });

  assert.equal(report.status, 'FAILED');
  assert.equal(report.metObjectives, false);
  assert.match(report.problems.join('\n'), /writable/);
  assert.equal(report.steps.find((s) => s.step.trim() === 'Wait until it is writable').outcome, 'failed');
  await assertEverythingStopped(report);
});

test('an acknowledged write counts as missing when its row is absent, another student\'s, or an older revision', () => {
  const acknowledged = [
    { id: 1, email: 'a@x.org', revision: 2 }, { id: 2, email: 'b@x.org', revision: 0 }, { id: 3, email: 'c@x.org', revision: 1 }, { id: 4, email: 'd@x.org', revision: 0 },
  ];
  const rows = [
    { id: 1, email: 'a@x.org', course: 'Drill revision 3' }, // a later, unacknowledged edit landed: not missing
    { id: 2, email: 'someone@else.org', course: 'Drill revision 0' }, // the id reused by DR for another student
    { id: 3, email: 'c@x.org', course: 'Drill revision 0' },
  ];
  assert.deepEqual(missingWrites(acknowledged, rows).map((w) => w.id), [2, 3, 4]);
});

test('bad flags are refused with the flag named', () => {
  assert.throws(() => parseArguments(['--semi-sync', '--fast']), /unknown option '--fast'/);
  assert.throws(() => parseArguments(['--writers', '0']), /--writers must be a whole number/);
  assert.throws(() => parseArguments(['--seconds']), /--seconds needs a value/);
  assert.deepEqual({ ...parseArguments(['--semi-sync', '--failback', '--writers=4', '--writes', '300']) },
    { ...parseArguments([]), semiSync: true, failback: true, writers: 4, writes: 300 });
});
