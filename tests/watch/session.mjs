// A running `synth/run.sh watch` on a copy of environments/: save a file, wait for the report it prints.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const reportEnd = /^-- reported (\d+) ms after the save; watching$/m;

export class WatchSession {
  static async start({ startupSeconds = 300 } = {}) {
    const environments = mkdtempSync(join(tmpdir(), 'srp-watch-test-'));
    cpSync(join(repo, 'environments'), environments, { recursive: true });
    const child = spawn(join(repo, 'synth/run.sh'), ['watch', '--environments', environments], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const session = new WatchSession(child, environments);
    session.first = await session.nextReport(startupSeconds * 1000);
    return session;
  }

  constructor(child, environments) {
    this.child = child;
    this.environments = environments;
    this.output = '';
    this.stderr = '';
    this.waiters = [];
    child.stdout.setEncoding('utf8').on('data', (chunk) => { this.output += chunk; this.wake(); });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => { this.wake(); resolve({ code, signal }); }));
    process.once('exit', () => child.kill('SIGKILL')); // never outlive the test
  }

  wake() { for (const wake of this.waiters.splice(0)) wake(); }

  /** The next complete report (text between two report ends) and the watch's own figure for it. */
  async nextReport(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = reportEnd.exec(this.output);
      if (end) {
        const text = this.output.slice(0, end.index + end[0].length);
        this.output = this.output.slice(end.index + end[0].length);
        return { text, ms: Number(end[1]) };
      }
      if (this.child.exitCode !== null) throw new Error(`the watch exited (${this.child.exitCode}): ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`no report within ${timeoutMs} ms; output so far:\n${this.output}\n${this.stderr}`);
      await new Promise((resolve) => { this.waiters.push(resolve); setTimeout(resolve, 100); });
    }
  }

  /** Replaces `from` with `to` in one environment file and waits for the report; `wallMs` is save to report as seen from here. */
  async edit(file, from, to) {
    const path = join(this.environments, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no '${from}'`);
    const saved = performance.now();
    writeFileSync(path, text.replace(from, to));
    const report = await this.nextReport();
    return { ...report, wallMs: performance.now() - saved };
  }

  /** Ctrl-C, as a terminal sends it, then the exit. */
  async stop() {
    this.child.kill('SIGINT');
    const exit = await Promise.race([this.exited, new Promise((resolve) => setTimeout(() => resolve(null), 15_000))]);
    rmSync(this.environments, { recursive: true, force: true });
    return { exit, output: this.output };
  }
}
