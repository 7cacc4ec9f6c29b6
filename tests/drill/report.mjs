// The drill's evidence, in the form of the recovery workflow's (synth/Lambda/recovery/drill-report.mjs): each
// step's start, end and outcome, the measured times against the model's objectives, written as JSON; and a
// progress line per step as it ends.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPOSITORY } from './app-instance.mjs';

/** recovery.rtoMinutes and recovery.rpoMinutes from environments/platform.yaml, the model's objectives. */
export function objectives() {
  const recovery = parse(readFileSync(join(REPOSITORY, 'environments', 'platform.yaml'), 'utf8')).recovery ?? {};
  const { rtoMinutes, rpoMinutes } = recovery;
  for (const [name, value] of Object.entries({ rtoMinutes, rpoMinutes }))
    if (!(typeof value === 'number' && value > 0)) throw new Error(`environments/platform.yaml: recovery.${name} must be a positive number, not ${value}`);
  return { rtoMinutes, rpoMinutes };
}

export class Steps {
  constructor({ log = (line) => process.stderr.write(`${line}\n`), started = Date.now() } = {}) {
    this.log = log;
    this.started = started;
    this.steps = [];
  }

  /** Runs one step: records its start, end and outcome, prints its line, rethrows its failure. */
  async run(phase, name, action) {
    // An indented name is a branch of the parallel step before it (FailoverWorkflow's "Scale out and promote").
    const step = { phase, step: name.trim(), ...(name.startsWith(' ') ? { parallel: true } : {}), started: new Date().toISOString(), ended: null, outcome: 'running' };
    this.steps.push(step);
    const t = performance.now();
    try {
      const result = await action();
      Object.assign(step, { outcome: 'succeeded', ...(result?.detail ? { detail: result.detail } : {}) });
      return result;
    } catch (e) {
      Object.assign(step, { outcome: 'failed', error: e.message });
      throw e;
    } finally {
      step.ended = new Date().toISOString();
      step.seconds = round((performance.now() - t) / 1000, 3);
      const at = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
      const mark = step.outcome === 'succeeded' ? 'ok' : 'FAILED';
      this.log(`[${at} s] ${phase.padEnd(8)} ${name.padEnd(56, ' ')} ${step.seconds.toFixed(3).padStart(8)} s  ${mark}${step.detail ? `  ${step.detail}` : ''}${step.error ? `: ${step.error}` : ''}`);
    }
  }
}

export const round = (n, digits = 1) => (n === null || n === undefined ? n : Math.round(n * 10 ** digits) / 10 ** digits);

/** The closing lines of a drill: the figures that matter, then where the full report is. */
export function summary(report) {
  const lines = [];
  const { failover, failback, objectives: o } = report;
  lines.push('', `DR drill (${report.replication} replication over a ${report.settings.linkMs} ms link, ${report.settings.writers} writers): ${report.metObjectives ? 'objectives met' : 'OBJECTIVES MISSED'}`);
  if (failover) {
    const lost = failover.rpo.missing ? `the oldest acknowledged ${Math.round(failover.rpo.seconds * 1000)} ms before the kill` : 'nothing lost';
    lines.push(`  RPO: ${failover.rpo.missing} of ${failover.rpo.acknowledgedByProduction} writes production acknowledged are missing on the promoted replica` +
      ` (${lost}; objective ${o.rpoMinutes} min)`);
    lines.push(`  RTO: ${failover.rto.seconds} s from kill -9 to the first signed-in page from DR (objective ${o.rtoMinutes} min)`);
    lines.push(`  session issued by production served by DR: ${failover.productionSessionOnDr ? 'yes' : 'NO'}; writes acknowledged by DR after the switch: ${failover.acknowledgedByDr}`);
    if (failover.semiSync) lines.push(`  semi-sync before the kill: status ${failover.semiSync.status}, ${failover.semiSync.yes_tx} commits acknowledged by the replica, ${failover.semiSync.no_tx} without`);
  }
  const l = report.writeLatency;
  if (l) lines.push(`  write latency on production (post to redirect, ${l.count} writes): p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, ${l.perSecond} writes/s`);
  if (failback) {
    lines.push(`  failback: ${failback.rpo.missing} of ${failback.rpo.acknowledgedByDr} writes DR acknowledged missing on the returned primary; ` +
      `${failback.rto.seconds} s from quiescing DR to the first signed-in page from production`);
  }
  if (report.problems.length) lines.push(...report.problems.map((p) => `  problem: ${p}`));
  lines.push(`  report: ${report.reportPath}`);
  return lines.join('\n');
}

export function writeReport(path, report) {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
