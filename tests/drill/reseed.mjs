// Re-seeding a server as the replica of another, as the runbook restores a region from the other: a fresh data
// directory, the app's data from a consistent dump of the source with its GTID position (mariadb-dump --gtid),
// loaded outside the new server's binlog, then GTID replication from that position. A promoted replica can
// never simply be pointed back: after an asynchronous failover the old primary may hold transactions that the
// new one never got, so it starts again from the new primary's data.
import { rmSync } from 'node:fs';
import { APP_DATABASE } from './mariadb.mjs';
import { run } from './processes.mjs';

/** `target`'s server must be stopped (or killed); it replicates through `port` (a link's). Returns the GTID position it replicates from. */
export async function reseed({ target, source, semiSync, port = source.port }) {
  rmSync(target.dataDir, { recursive: true, force: true });
  await target.create({ readOnly: true, port: target.port });
  await target.createUsersUnlogged();
  const dump = await run('mariadb-dump', ['--no-defaults', `--socket=${source.socket}`, '-uroot', '--single-transaction', '--gtid', '--master-data=2', '--databases', APP_DATABASE], { timeoutSeconds: 120 });
  const position = dump.match(/^-- SET GLOBAL gtid_slave_pos='([^']+)';$/m)?.[1];
  if (!position) throw new Error(`the dump of ${source.name} names no GTID position`);
  await run('mariadb', ['--no-defaults', `--socket=${target.socket}`, '-uroot'], { input: `SET sql_log_bin = 0;\n${dump}\nSET GLOBAL gtid_slave_pos = '${position}';\n`, timeoutSeconds: 120 });
  await target.replicateFrom(source, port);
  if (semiSync) await source.enableSemiSyncPrimary();
  return `${Math.round(dump.length / 1024)} kB dump at ${position}`;
}
