// A MariaDB server of the drill's own: its data directory, socket and port on 127.0.0.1, GTID binlog
// replication (as Aurora's cross-region binlog replica), optionally semi-synchronous (AFTER_SYNC), killed with
// SIGKILL as a failed region would be. SQL goes through the mariadb client on the server's socket as root.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { fatal, freePort, run, startProcess, stopProcess, waitFor } from './processes.mjs';

export const APP_USER = 'records';
export const APP_DATABASE = 'records';
const REPLICATION_USER = 'replication';

/** Semi-sync's wait for the replica's acknowledgement: long enough that it never falls back to async in a drill. */
export const SEMI_SYNC_TIMEOUT_MS = 600000;

export class MariaDb {
  /** @param {{ name: string, folder: string, serverId: number, semiSync: boolean, password: string }} options */
  constructor({ name, folder, serverId, semiSync, password }) {
    Object.assign(this, { name, serverId, semiSync, password });
    this.dataDir = join(folder, `${name}-data`);
    this.socket = join(folder, `${name}.sock`);
    this.tmpDir = join(folder, `${name}-tmp`); // its own: two servers bootstrapping at once in /tmp collide
  }

  get host() { return '127.0.0.1'; }

  /** A fresh data directory, then the server, writable or read-only. */
  async create({ readOnly, port }) {
    mkdirSync(this.dataDir, { recursive: true });
    mkdirSync(this.tmpDir, { recursive: true });
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${this.dataDir}`, `--tmpdir=${this.tmpDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { timeoutSeconds: 120 });
    await this.start({ readOnly, port });
  }

  async start({ readOnly, port }) {
    this.port = port ?? this.port ?? await freePort();
    const args = [
      '--no-defaults', `--datadir=${this.dataDir}`, `--tmpdir=${this.tmpDir}`, `--socket=${this.socket}`, `--port=${this.port}`, '--bind-address=127.0.0.1', '--user=root',
      '--skip-name-resolve', '--innodb-buffer-pool-size=128M', '--max-connections=300',
      `--server-id=${this.serverId}`, '--log-bin=binlog', '--relay-log=relay', '--binlog-format=ROW', '--log-slave-updates', '--gtid-strict-mode=1',
      '--sync-binlog=1', '--innodb-flush-log-at-trx-commit=1', `--read-only=${readOnly ? 1 : 0}`, '--skip-slave-start',
    ];
    // Both roles' switches: a replica acknowledges when semi-sync is on; the primary's waiting is switched on
    // once its replica is connected (enableSemiSyncPrimary), so nothing waits the whole timeout for no one.
    if (this.semiSync) args.push('--rpl-semi-sync-slave-enabled=ON', '--rpl-semi-sync-master-wait-point=AFTER_SYNC', `--rpl-semi-sync-master-timeout=${SEMI_SYNC_TIMEOUT_MS}`);
    this.process = startProcess(`mariadbd ${this.name}`, 'mariadbd', args);
    await waitFor(`${this.name} database accepting connections`, async () => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) throw fatal(`mariadbd exited: ${this.process.output.slice(-2000)}`);
      return (await this.sql('SELECT 1')).trim() === '1';
    }, { timeoutSeconds: 60, intervalMs: 200 });
  }

  /** Runs SQL as root on the socket; returns the rows as tab-separated text. */
  sql(statements, { timeoutSeconds = 60 } = {}) {
    return run('mariadb', ['--no-defaults', `--socket=${this.socket}`, '-uroot', '-N', '-B', '-e', statements], { timeoutSeconds });
  }

  async value(query) {
    return (await this.sql(query)).trim();
  }

  /** SHOW SLAVE STATUS as an object (null when it is not a replica). */
  async replicaStatus() {
    const text = await run('mariadb', ['--no-defaults', `--socket=${this.socket}`, '-uroot', '-E', '-e', 'SHOW SLAVE STATUS'], { timeoutSeconds: 10 });
    if (!text.trim()) return null;
    return Object.fromEntries(text.split('\n').map((line) => line.match(/^\s*(\w+): ?(.*)$/)).filter(Boolean).map((m) => [m[1], m[2]]));
  }

  async status(name) {
    const row = await this.value(`SHOW GLOBAL STATUS LIKE '${name}'`);
    return row.split('\t')[1];
  }

  /** The app's database and user, and the replication user: on the primary, in its binlog, so the replica replays them. */
  async createAppSchemaOwner() {
    await this.sql(`CREATE DATABASE ${APP_DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ${this.#users()}`);
  }

  /** The users alone, outside the binlog: a re-seeded server gets them so, and its data from a dump. */
  async createUsersUnlogged() {
    await this.sql(`SET sql_log_bin = 0; ${this.#users()}`);
  }

  #users() {
    return `CREATE USER '${APP_USER}'@'%' IDENTIFIED BY '${this.password}'; GRANT ALL ON ${APP_DATABASE}.* TO '${APP_USER}'@'%';
      CREATE USER '${REPLICATION_USER}'@'%' IDENTIFIED BY '${this.password}'; GRANT REPLICATION SLAVE, REPLICATION SLAVE ADMIN, BINLOG MONITOR ON *.* TO '${REPLICATION_USER}'@'%';`;
  }

  /**
   * Replicates from `primary` by GTID from this server's gtid_slave_pos (empty: the primary's whole binlog),
   * connecting to `port`: the primary's own, or a link's to it (link.mjs).
   */
  async replicateFrom(primary, port = primary.port) {
    await this.sql(`CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${port}, MASTER_USER='${REPLICATION_USER}',
      MASTER_PASSWORD='${this.password}', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;`);
    await waitFor(`${this.name} replicating from ${primary.name}`, async () => {
      const s = await this.replicaStatus();
      if (s?.Last_IO_Error || s?.Last_SQL_Error) throw new Error(`${s.Last_IO_Error} ${s.Last_SQL_Error}`.trim());
      return s?.Slave_IO_Running === 'Yes' && s?.Slave_SQL_Running === 'Yes';
    }, { timeoutSeconds: 30 });
  }

  /** Semi-sync on the primary once a semi-sync replica is connected to it. */
  async enableSemiSyncPrimary() {
    await this.sql('SET GLOBAL rpl_semi_sync_master_enabled = ON');
    await waitFor(`${this.name}: a semi-synchronous replica connected`, async () => Number(await this.status('Rpl_semi_sync_master_clients')) >= 1
      && await this.status('Rpl_semi_sync_master_status') === 'ON', { timeoutSeconds: 30 });
  }

  /** Semi-sync's counters: whether it is on, and how many commits went without the replica's acknowledgement. */
  async semiSyncCounters() {
    const rows = await this.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('Rpl_semi_sync_master_status','Rpl_semi_sync_master_yes_tx','Rpl_semi_sync_master_no_tx','Rpl_semi_sync_master_clients')");
    return Object.fromEntries(rows.trim().split('\n').map((l) => l.split('\t')).map(([k, v]) => [k.replace('Rpl_semi_sync_master_', ''), /^\d+$/.test(v) ? Number(v) : v]));
  }

  /** Waits until this replica has received every event from its primary and applied it (the caught-up check). */
  async caughtUpWith(primary, timeoutSeconds = 60) {
    const target = await primary.value('SELECT @@gtid_binlog_pos');
    const applied = await this.value(`SELECT MASTER_GTID_WAIT('${target}', ${timeoutSeconds})`);
    if (applied !== '0') throw new Error(`${this.name} did not apply ${primary.name}'s ${target} within ${timeoutSeconds} s (at ${await this.value('SELECT @@gtid_slave_pos')})`);
    return target;
  }

  /** As a region fails: SIGKILL, no shutdown. */
  async kill9() {
    this.process.kill('SIGKILL');
    await this.process.exited;
  }

  async stop() {
    await stopProcess(this.process, 30);
  }
}
