// What the drill starts, so that all of it stops: every child process and scratch folder is registered here
// and released by stopAll(), which the drill calls on success, failure and Ctrl-C; should the node process end
// without it (a test's timeout), its 'exit' hook still SIGKILLs every child that is left.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set();
const folders = new Set();
const closers = new Set();
let closing = false; // once stopAll() has begun, nothing new starts (a step still running after a deadline)

/** A drill begins: processes may start again. */
export function openSession() { closing = false; }

function refuseWhenClosing(name) {
  if (closing) throw new Error(`not starting ${name}: the drill is stopping`);
}

process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) try { child.kill('SIGKILL'); } catch { /* gone */ }
  for (const folder of folders) try { rmSync(folder, { recursive: true, force: true }); } catch { /* best effort */ }
});

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A scratch folder of this drill's own, removed by stopAll(). */
export function scratchFolder(prefix = 'srp-drill-') {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

/** A long-running child (a server): its output is kept (the last 20 kB) for the error message when it dies. */
export function startProcess(name, command, args, options = {}) {
  refuseWhenClosing(name);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.output = '';
  const keep = (d) => { child.output = (child.output + d).slice(-20000); if (process.env.DRILL_DEBUG) process.stderr.write(`[${name}] ${d}`); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => { children.delete(child); resolve({ code, signal }); }));
  child.name = name;
  return child;
}

/** Stops a child: SIGTERM, then SIGKILL after graceSeconds. Resolves when it has exited. */
export async function stopProcess(child, graceSeconds = 5) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceSeconds * 1000);
  await child.exited;
  clearTimeout(timer);
}

/** Runs a command to its end; rejects with its output when it exits non-zero or outlives timeoutSeconds. */
export function run(command, args, { input, timeoutSeconds = 60, ...options } = {}) {
  return new Promise((resolve, reject) => {
    refuseWhenClosing(command);
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, timeoutSeconds * 1000);
    child.once('error', (e) => { clearTimeout(timer); children.delete(child); reject(e); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ').slice(0, 200)} failed (${signal ?? code}): ${stderr.trim() || stdout.trim()}`.slice(0, 4000)));
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Something else to close at the end (a server in this process). */
export function onStop(close) {
  closers.add(close);
  return () => closers.delete(close);
}

/** The processes still running that the drill started (the test asserts there are none at the end). */
export function running() {
  return [...children].filter((c) => c.exitCode === null && c.signalCode === null).map((c) => `${c.name ?? c.spawnfile} (pid ${c.pid})`);
}

export async function stopAll() {
  closing = true;
  for (const close of [...closers].reverse()) { closers.delete(close); try { await close(); } catch { /* best effort */ } }
  await Promise.all([...children].map((child) => stopProcess(child, 3)));
  for (const folder of folders) { rmSync(folder, { recursive: true, force: true }); folders.delete(folder); }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An error that ends a waitFor at once. */
export const fatal = (message) => Object.assign(new Error(message), { fatal: true });

/** Polls check() every intervalMs until it returns a truthy value; throws `what` once timeoutSeconds have passed. */
export async function waitFor(what, check, { timeoutSeconds = 30, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let last;
  for (;;) {
    if (closing) throw fatal(`${what}: the drill is stopping`);
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      if (e.fatal) throw e; // a process that exited will not come back by waiting
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutSeconds} s${last ? ` (${last.message})` : ''}`);
    await sleep(intervalMs);
  }
}
