#!/usr/bin/env node
// `npm run drill [-- --semi-sync] [--failback] [--writers N] [--seconds S] [--writes N] [--timeout S] [--report FILE]`:
// a disaster-recovery drill on this machine with real processes on loopback. A MariaDB primary and its GTID
// replica, production's app on the primary, a write load through the real forms, then kill -9 of the primary
// and the failover in the order of the recovery state machine (synth/Constructs/Recovery/FailoverWorkflow.cs):
// the standby's database is read and promoted while the DR instance starts (its "Scale out and promote"), then
// the front door moves to DR and a session production issued must be served by DR. Prints RPO (acknowledged
// writes missing on the promoted replica) and RTO (kill to the first signed-in page from DR) against the model's
// recovery objectives, and exits 1 when either is missed. --failback re-seeds the old primary from DR and
// switches back in the order of FailbackWorkflow.cs. Everything it starts is stopped at the end, on failure,
// on Ctrl-C and at the deadline.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppInstance, publishedApp } from './app-instance.mjs';
import { Browser } from './browser.mjs';
import { startFrontDoor } from './front-door.mjs';
import { startLink } from './link.mjs';
import { missingWrites, percentile, startLoad } from './load.mjs';
import { APP_DATABASE, MariaDb } from './mariadb.mjs';
import { freePort, openSession, run, scratchFolder, sleep, stopAll, waitFor } from './processes.mjs';
import { objectives, round, Steps, summary, writeReport } from './report.mjs';
import { reseed } from './reseed.mjs';

export const USAGE = `usage: npm run drill -- [--semi-sync] [--failback] [--writers N] [--seconds S] [--writes N] [--link-ms MS] [--timeout S] [--report FILE]
  --semi-sync   semi-synchronous replication (AFTER_SYNC): a commit waits for the replica's acknowledgement
  --failback    after the failover, re-seed the old primary from DR and switch back
  --writers N   concurrent signed-in users writing (default 8)
  --seconds S   seconds of load on production before the primary is killed (default 20)
  --writes N    kill the primary once N writes are acknowledged, if that comes first (default: no limit)
  --link-ms MS  one-way delay of the replication link between the regions (default 12: roughly the 25 ms
                round trip between eu-central-1 and eu-west-1; 0 for plain loopback)
  --timeout S   the whole drill's deadline, after which it stops everything and fails (default 300)
  --report FILE where the JSON report goes (default: a new file under ${tmpdir()})`;

export const DEFAULTS = { semiSync: false, failback: false, writers: 8, seconds: 20, writes: 0, linkMs: 12, timeoutSeconds: 300, report: null, writableSeconds: 60 };

/** The command line's options; throws a message naming the bad flag. */
export function parseArguments(argv) {
  const options = { ...DEFAULTS };
  const numbers = { '--writers': ['writers', 1, 64], '--seconds': ['seconds', 1, 3600], '--writes': ['writes', 1, 1e6], '--link-ms': ['linkMs', 0, 1000], '--timeout': ['timeoutSeconds', 10, 7200] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--semi-sync' && inline === undefined) options.semiSync = true;
    else if (flag === '--failback' && inline === undefined) options.failback = true;
    else if (flag === '--help' || flag === '-h') throw Object.assign(new Error(USAGE), { help: true });
    else if (flag in numbers || flag === '--report') {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
      if (flag === '--report') { options.report = value; continue; }
      const [key, min, max] = numbers[flag];
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, not '${value}'`);
      options[key] = n;
    } else throw new Error(`unknown option '${argv[i]}'`);
  }
  return options;
}

/** The students table as the promoted database holds it. */
async function studentsOn(db) {
  const text = await db.sql(`SELECT Id, Email, Course FROM ${APP_DATABASE}.students`);
  return text.split('\n').filter(Boolean).map((line) => {
    const [id, email, course] = line.split('\t');
    return { id: Number(id), email, course };
  });
}

/** The replica's view of its replication, the drill's "Read the standby database". */
async function readStandby(db) {
  const s = await db.replicaStatus();
  if (!s) return { replica: false, detail: 'not a replica (already promoted)' };
  const received = s.Gtid_IO_Pos;
  const applied = await db.value('SELECT @@gtid_slave_pos');
  return { replica: true, received, applied, detail: `received ${received || '(nothing)'}, applied ${applied || '(nothing)'}, IO thread ${s.Slave_IO_Running}` };
}

/**
 * Promotes a replica as Aurora's promotion does: it applies what it received first, then stops replicating,
 * forgets its primary and becomes writable. `brokenPromotion` (tests only) leaves read_only on.
 */
async function promote(db, standby, { brokenPromotion = false } = {}) {
  if (standby.replica && standby.received) {
    const waited = await db.value(`SELECT MASTER_GTID_WAIT('${standby.received}', 60)`);
    if (waited !== '0') throw new Error(`the replica did not apply what it received (${standby.received}) within 60 s`);
  }
  await db.sql(`STOP SLAVE; RESET SLAVE ALL;${brokenPromotion ? '' : ' SET GLOBAL read_only = 0;'}`);
  return { detail: `applied ${await db.value('SELECT @@gtid_slave_pos')}` };
}

async function waitWritable(db, seconds = 60) {
  await waitFor(`${db.name} writable`, async () => (await db.value('SELECT @@read_only')) === '0', { timeoutSeconds: seconds, intervalMs: 100 });
}

const PASSWORD = `drill-${Math.random().toString(36).slice(2)}-password`;

/**
 * Runs one drill and returns its report. `options` as parseArguments gives them, plus `log` (one line at a time)
 * and, for tests, `brokenPromotion`.
 */
export async function drill(options) {
  const settings = { ...DEFAULTS, ...options };
  const log = settings.log ?? ((line) => process.stderr.write(`${line}\n`));
  const goals = objectives();
  const steps = new Steps({ log });
  const reportPath = settings.report ?? join(tmpdir(), `srp-drill-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const report = {
    kind: 'drill', replication: settings.semiSync ? 'semi-synchronous (AFTER_SYNC)' : 'asynchronous', started: new Date().toISOString(), stopped: null,
    settings: { writers: settings.writers, seconds: settings.seconds, writes: settings.writes || null, linkMs: settings.linkMs, failback: settings.failback, timeoutSeconds: settings.timeoutSeconds },
    objectives: goals, status: 'RUNNING', metObjectives: false, problems: [], reportPath, steps: steps.steps,
  };
  let deadline;
  let aborted;
  const abort = new Promise((_, reject) => {
    aborted = (why) => reject(new Error(why));
    deadline = setTimeout(() => aborted(`the drill outlived its deadline of ${settings.timeoutSeconds} s (--timeout)`), settings.timeoutSeconds * 1000);
  });
  abort.catch(() => {});
  const interrupted = (signal) => aborted(`interrupted (${signal})`);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let load;
  openSession();
  try {
    await Promise.race([abort, stages(settings, steps, report, goals, (l) => { load = l; }, log)]);
    report.status = 'SUCCEEDED';
  } catch (e) {
    report.status = 'FAILED';
    report.problems.push(e.message);
  } finally {
    clearTimeout(deadline);
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    if (load) await Promise.race([load.stop(), new Promise((resolve) => setTimeout(resolve, 12000).unref())]); // requests time out in 10 s
    await stopAll();
    report.stopped = new Date().toISOString();
    report.metObjectives = report.status === 'SUCCEEDED' && report.problems.length === 0;
    writeReport(reportPath, report);
  }
  return report;
}

async function stages(settings, steps, report, goals, keepLoad, log) {
  if (!existsSync('/usr/sbin/mariadbd') && !(await run('sh', ['-c', 'command -v mariadbd']).catch(() => ''))) {
    throw new Error("mariadbd is not installed: run tests/prerequisites.sh (npm test's set-up installs Debian's mariadb-server)");
  }
  const folder = scratchFolder();
  const appFolder = await steps.run('set-up', 'Publish the app (cached by source hash)', async () => ({ detail: await publishedApp(log), value: null }))
    .then((r) => r.detail);
  const primary = new MariaDb({ name: 'primary', folder, serverId: 1, semiSync: settings.semiSync, password: PASSWORD });
  const replica = new MariaDb({ name: 'replica', folder, serverId: 2, semiSync: settings.semiSync, password: PASSWORD });
  await steps.run('set-up', 'Start the primary and the replica', () => Promise.all([primary.create({ readOnly: false }), replica.create({ readOnly: true })]));
  let link;
  await steps.run('set-up', 'Replicate the primary by GTID', async () => {
    await primary.createAppSchemaOwner();
    link = await startLink(primary.port, settings.linkMs); // the regions' distance, cut with the primary
    await replica.replicateFrom(primary, link.port);
    if (settings.semiSync) await primary.enableSemiSyncPrimary();
    return { detail: `${settings.semiSync ? 'semi-synchronous, AFTER_SYNC' : 'asynchronous'}, link ${settings.linkMs} ms each way` };
  });
  const production = new AppInstance({ name: 'production', appFolder, home: folder, password: PASSWORD });
  const dr = new AppInstance({ name: 'dr', appFolder, home: folder, password: PASSWORD });
  dr.port = await freePort(); // dark until the failover; its port known now for the report's list of endpoints
  // The first administrator is added as an operator's one-off task would, while the service starts (both migrate, one after the other).
  const admin = 'drill.admin@drill.example.org';
  await steps.run('set-up', 'Start production on the primary (migrates); add an administrator', async () => {
    await production.start(primary);
    await Promise.all([production.waitHealthy(), production.addUser(primary, admin, 'Administrator', PASSWORD)]);
  });
  const frontDoor = await startFrontDoor(production.url, 'production');
  report.endpoints = { primary: primary.port, replica: replica.port, production: production.url, dr: `http://127.0.0.1:${dr.port}`, frontDoor: frontDoor.url };
  const writerEmails = Array.from({ length: settings.writers }, (_, i) => `writer${i + 1}@drill.example.org`);
  const probe = new Browser(frontDoor.url, { timeoutMs: 3000 });
  await steps.run('set-up', `Add ${settings.writers} registrars and a probe (/Admin/Users)`, async () => {
    const browser = new Browser(frontDoor.url);
    await browser.signIn(admin, PASSWORD);
    for (const email of [...writerEmails, 'probe@drill.example.org']) {
      const answer = await browser.submit('/Admin/Users', { Email: email, Role: 'Registrar', Password: PASSWORD }, '/Admin/Users?handler=Add');
      if (answer.status !== 302) throw new Error(`adding ${email} through /Admin/Users answered ${answer.status}`);
    }
  });
  await steps.run('set-up', 'Sign the probe in on production', () => probe.signIn('probe@drill.example.org', PASSWORD));
  await steps.run('set-up', 'Replica has the schema, users and keys', async () => ({ detail: `at ${await replica.caughtUpWith(primary)}` }));

  // The load
  const load = await steps.run('load', `Sign ${settings.writers} writers in on production`, async () => startLoad({ frontDoorUrl: frontDoor.url, users: writerEmails, password: PASSWORD }));
  keepLoad(load);
  const loadStarted = Date.now();
  await steps.run('load', 'Write load on production', async () => {
    const until = loadStarted + settings.seconds * 1000;
    while (Date.now() < until && !(settings.writes && load.acknowledged.length >= settings.writes)) await sleep(50);
    return { detail: `${load.acknowledged.length} writes acknowledged` };
  });
  const semiSync = settings.semiSync ? await primary.semiSyncCounters() : null;
  if (semiSync && (semiSync.status !== 'ON' || semiSync.no_tx > 0)) report.problems.push(`semi-sync fell back to asynchronous: status ${semiSync.status}, ${semiSync.no_tx} commits unacknowledged`);

  // The failover, in FailoverWorkflow's order
  let t0;
  // The chosen moment: right after production acknowledges a write, when asynchronous replication has the
  // most on the link; the region goes with its network, so the link drops what is still on its way.
  await steps.run('failover', 'Kill the primary (kill -9) and cut its link', async () => {
    const noWrite = new Promise((resolve) => setTimeout(resolve, 10000).unref());
    await Promise.race([load.nextAcknowledgement(), noWrite]);
    t0 = Date.now();
    const killed = primary.kill9();
    await link.cut();
    await killed;
  });
  const killedAt = t0;
  let promoted;
  await steps.run('failover', 'Scale out and promote', () => Promise.all([
    (async () => {
      const standby = await steps.run('failover', '  Read the standby database', () => readStandby(replica));
      await steps.run('failover', '  Promote the database', () => promote(replica, standby, settings));
      await steps.run('failover', '  Wait until it is writable', () => waitWritable(replica, settings.writableSeconds));
      promoted = await studentsOn(replica); // what the promoted replica holds before DR writes anything
    })(),
    (async () => {
      await steps.run('failover', '  Start the DR instance (desired count 0 to 1)', () => dr.start(replica));
      await steps.run('failover', '  Wait for a healthy task', () => dr.waitHealthy(60));
    })(),
  ]));
  // Every write production acknowledged: its database is gone and its answers in flight have arrived.
  const productionPhase = load.acknowledged.filter((w) => w.origin === 'production');
  await steps.run('failover', 'Record the active region (front door to DR)', async () => { frontDoor.switchTo(dr.url, 'dr'); });
  let rtoAt;
  await steps.run('failover', "Confirm a signed-in page from DR (production's session)", async () => {
    await waitFor("DR serving the probe's production-issued session", () => probe.signedInPage(), { timeoutSeconds: 60, intervalMs: 100 });
    rtoAt = Date.now();
    return { detail: `RTO ${round((rtoAt - t0) / 1000, 2)} s` };
  });
  await steps.run('failover', 'Confirm a write through DR', async () => {
    const answer = await probe.submit('/Students/Create', { 'Input.FullName': 'Drill Probe', 'Input.Email': `probe-${Date.now()}@drill.example.org`, 'Input.Age': '30', 'Input.Course': 'Drill revision 0', 'Input.EnrolmentDate': '2026-09-01', 'Input.Version': '00000000-0000-0000-0000-000000000000' });
    if (answer.status !== 302) throw new Error(`creating a student through DR answered ${answer.status}`);
  });
  const missing = missingWrites(productionPhase, promoted);
  // RPO as time: how long before the kill the oldest lost write was acknowledged (an answer still on its way at
  // the kill counts as acknowledged at the kill).
  const lostSeconds = missing.length ? round(Math.max(0, killedAt - Math.min(...missing.map((w) => w.ackedAt))) / 1000, 3) : 0;
  const latencies = productionPhase.map((w) => w.postMs);
  const loadSeconds = (killedAt - loadStarted) / 1000;
  report.writeLatency = { count: latencies.length, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), perSecond: round(latencies.length / loadSeconds) };
  report.failover = {
    killedAt: new Date(killedAt).toISOString(),
    rpo: { acknowledgedByProduction: productionPhase.length, missing: missing.length, seconds: lostSeconds, missingWrites: missing.slice(0, 50) },
    rto: { seconds: round((rtoAt - t0) / 1000, 2) },
    productionSessionOnDr: true,
    semiSync,
  };
  if (lostSeconds > goals.rpoMinutes * 60) report.problems.push(`RPO missed: ${lostSeconds} s of acknowledged writes lost, objective ${goals.rpoMinutes} min`);
  if (report.failover.rto.seconds > goals.rtoMinutes * 60) report.problems.push(`RTO missed: ${report.failover.rto.seconds} s, objective ${goals.rtoMinutes} min`);
  if (settings.semiSync && missing.length) report.problems.push(`semi-synchronous replication lost ${missing.length} acknowledged writes`);
  await sleep(1500); // DR takes writes for a moment before the load stops or fails back

  if (settings.failback) await failback({ steps, report, primary, replica, production, dr, frontDoor, load, folder, settings });

  await steps.run(settings.failback ? 'failback' : 'failover', 'Stop the load', () => load.stop());
  report.failover.acknowledgedByDr = load.acknowledged.filter((w) => w.origin === 'dr').length;
  report.load = { attempts: load.counts.attempts, acknowledged: load.acknowledged.length, failures: load.counts.failures };
}

/**
 * Back to the primary, as the runbook and FailbackWorkflow.cs do it: the database is returned first (the old
 * primary re-seeded from DR and caught up; DR quiesced; the returned primary promoted), then the active region
 * is recorded (the front door moves back) and the standby goes dark (DR's instance stopped, its database
 * re-seeded as production's replica again).
 */
async function failback({ steps, report, primary, replica, production, dr, frontDoor, load, settings }) {
  const drSession = new Browser(frontDoor.url, { timeoutMs: 3000 });
  await steps.run('failback', 'Sign a probe in on DR', () => drSession.signIn('probe@drill.example.org', PASSWORD));
  const back = await startLink(replica.port, settings.linkMs);
  await steps.run('failback', 'Re-seed the old primary from DR (dump with GTID)', async () => ({ detail: await reseed({ target: primary, source: replica, semiSync: settings.semiSync, port: back.port }) }));
  await steps.run('failback', 'Wait until it has caught up', async () => ({ detail: `at ${await primary.caughtUpWith(replica)}` }));
  await steps.run('failback', 'Read the active region', async () => {
    if (frontDoor.target !== 'dr') throw new Error(`the front door points to ${frontDoor.target}, not DR`);
    return { detail: 'dr' };
  });
  let t1;
  await steps.run('failback', "Quiesce DR's writes (read_only)", async () => { t1 = Date.now(); await replica.sql('SET GLOBAL read_only = 1'); });
  let returned;
  await steps.run('failback', 'Return the database (promote the re-seeded primary)', async () => {
    await primary.caughtUpWith(replica, 30);
    const standby = await readStandby(primary);
    await promote(primary, standby);
    await waitWritable(primary);
    returned = await studentsOn(primary);
    return { detail: standby.detail };
  });
  const drPhase = load.acknowledged.filter((w) => w.origin === 'dr'); // DR is read-only: every answer it will give is in
  await steps.run('failback', 'Wait for a healthy production task', () => production.waitHealthy(60));
  await steps.run('failback', 'Record the active region (front door to production)', async () => { frontDoor.switchTo(production.url, 'production'); });
  let backAt;
  await steps.run('failback', "Confirm a signed-in page from production (DR's session)", async () => {
    await waitFor("production serving the session DR issued", () => drSession.signedInPage(), { timeoutSeconds: 60, intervalMs: 100 });
    backAt = Date.now();
  });
  await steps.run('failback', "Stop the standby's tasks", () => dr.stop());
  await steps.run('failback', 'Re-seed the standby as production\'s replica', async () => {
    await replica.stop();
    await back.cut();
    const again = await startLink(primary.port, settings.linkMs);
    return { detail: await reseed({ target: replica, source: primary, semiSync: settings.semiSync, port: again.port }) };
  });
  const missing = missingWrites(drPhase, returned);
  report.failback = {
    rpo: { acknowledgedByDr: drPhase.length, missing: missing.length, missingWrites: missing.slice(0, 50) },
    rto: { seconds: round((backAt - t1) / 1000, 2) },
    drSessionOnProduction: true,
  };
  if (missing.length) report.problems.push(`the failback lost ${missing.length} writes DR acknowledged`);
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(e.help ? `${USAGE}\n` : `drill: ${e.message}\n${USAGE}\n`);
    process.exit(e.help ? 0 : 2);
  }
  const report = await drill(options);
  process.stdout.write(`${summary(report)}\n`);
  process.exit(report.metObjectives ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
