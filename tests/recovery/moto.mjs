// moto's server (Python, from the machine image or pip) on a free loopback port, with Step Functions
// executing state machines against its own RDS, ECS, SSM, SNS and ELBv2. Started once per test file; stopped
// when the file's tests end.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Python with moto: tests/prerequisites.sh's virtual environment where it made one, else the machine's. */
function python() {
  const venv = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'student-records-platform', 'moto', 'bin', 'python3');
  return existsSync(venv) ? venv : 'python3';
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto() {
  const port = await freePort();
  // MOTO_PORT: the state machine interpreter calls the services through this same server.
  const child = spawn(python(), ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Should the test process end without calling stop() (a timeout kills it), the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stderr = ''; // MOTO_DEBUG=1 shows moto's own log
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); if (process.env.MOTO_DEBUG) process.stderr.write(d); });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto's server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch { /* not listening yet */ }
    if (attempt > 150) { child.kill(); throw new Error(`moto's server did not answer on ${endpoint} within 30 s: ${stderr}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const configured = await fetch(`${endpoint}/moto-api/config`, { method: 'POST', body: JSON.stringify({ stepfunctions: { execute_state_machine: true } }) });
  if (!configured.ok) throw new Error(`moto refused its configuration: ${configured.status}`);
  return {
    endpoint,
    clientConfig: (region) => ({ endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }),
    stop: () => new Promise((resolve) => {
      process.removeListener('exit', orphanGuard);
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    }),
  };
}
