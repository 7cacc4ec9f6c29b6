// The records app as ECS runs it: the published app on Kestrel, plain HTTP on loopback (cookies are Secure
// only over HTTPS), its database named by the AppContract variables. Published once into a cache folder keyed
// by a hash of the app's sources, so a second drill starts at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_DATABASE, APP_USER } from './mariadb.mjs';
import { fatal, freePort, run, startProcess, stopProcess, waitFor } from './processes.mjs';

export const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return ['bin', 'obj', 'node_modules'].includes(entry.name) ? [] : sourceFiles(path);
    return [path];
  });
}

/** The hash of everything the published app is built from. */
export function sourceHash() {
  const hash = createHash('sha256');
  const files = [...sourceFiles(join(REPOSITORY, 'app')), ...['global.json', 'Directory.Build.props', 'Directory.Packages.props', 'NuGet.config'].map((f) => join(REPOSITORY, f))]
    .filter((f) => existsSync(f)).sort();
  for (const file of files) hash.update(relative(REPOSITORY, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The published app's folder: from the cache, or `dotnet publish` into it first (about 30 s the first time). */
export async function publishedApp(progress = () => {}) {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'student-records-platform', 'drill-app');
  const folder = join(cache, sourceHash());
  if (existsSync(join(folder, 'StudentRecords.App.dll'))) return folder;
  progress(`publishing the app into ${folder}`);
  const building = `${folder}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  await run('dotnet', ['publish', join(REPOSITORY, 'app'), '-c', 'Release', '-o', building, '--nologo', '-v', 'quiet'], {
    timeoutSeconds: 600, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  rmSync(folder, { recursive: true, force: true });
  renameSync(building, folder);
  // Older builds go: one per source hash would pile up.
  for (const old of readdirSync(cache)) if (old !== relative(cache, folder) && !old.includes('.building-') && statSync(join(cache, old)).isDirectory()) rmSync(join(cache, old), { recursive: true, force: true });
  return folder;
}

export class AppInstance {
  /** @param {{ name: string, appFolder: string, home: string, password: string }} options */
  constructor({ name, appFolder, home, password }) {
    Object.assign(this, { name, appFolder, home, password });
  }

  #environment(db) {
    return {
      PATH: process.env.PATH, HOME: this.home, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1',
      DB_HOST: db.host, DB_PORT: String(db.port), DB_NAME: APP_DATABASE, DB_USER: APP_USER, DB_PASSWORD: this.password, DB_SSL_MODE: 'None',
      ASPNETCORE_HTTP_PORTS: String(this.port ?? 0), ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: 'Warning',
      Database__MigrationPatienceSeconds: '20',
    };
  }

  /** `StudentRecords.App users add`: the password on standard input, as an operator's one-off task runs it. */
  async addUser(db, email, role, password) {
    await run('dotnet', ['StudentRecords.App.dll', 'users', 'add', '--email', email, '--role', role], {
      cwd: this.appFolder, env: this.#environment(db), input: `${password}\n`, timeoutSeconds: 120,
    });
  }

  /** Starts the app on `db` (migrating on start, as every task does); resolves once it has a port. */
  async start(db) {
    this.db = db;
    this.port ??= await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    this.process = startProcess(`app ${this.name}`, 'dotnet', ['StudentRecords.App.dll'], { cwd: this.appFolder, env: this.#environment(db) });
  }

  /** Readiness as the target group checks it: /health/ready answers 200 (the database answers). */
  async waitHealthy(timeoutSeconds = 60) {
    await waitFor(`${this.name} app healthy at ${this.url}/health/ready`, async () => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) throw fatal(`the app exited (${this.process.signalCode ?? this.process.exitCode}): ${this.process.output.slice(-3000)}`);
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      return response.status === 200;
    }, { timeoutSeconds, intervalMs: 50 });
  }

  get running() { return this.process && this.process.exitCode === null && this.process.signalCode === null; }

  async stop() {
    await stopProcess(this.process, 10);
  }
}
