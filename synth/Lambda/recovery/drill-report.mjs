// The evidence of a finished failover or failback: each step's start, end and outcome from the execution's
// history, and the measured time against the recovery objective, written to the log bucket and summarised in
// SSM. A failback that ended a drill (it entered "Record the drill": the standby had become active) also
// records the drill's summary, which readiness shows. Clients are injected, so tests run it against moto.
import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetParametersCommand, PutParameterCommand } from '@aws-sdk/client-ssm';

export const DRILL_STEP = 'Record the drill';

/** Reads the settings from the Lambda environment (written by the DR stack from the model). */
export function settingsFrom(env) {
  const required = ['LOG_BUCKET', 'REPORT_PREFIX', 'LAST_FAILOVER_PARAMETER', 'LAST_FAILBACK_PARAMETER', 'LAST_DRILL_REPORT_PARAMETER', 'RTO_MINUTES'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`missing settings: ${missing.join(', ')}`);
  const rtoMinutes = Number(env.RTO_MINUTES);
  if (!Number.isInteger(rtoMinutes) || rtoMinutes < 1) throw new Error(`RTO_MINUTES must be a whole number of minutes, not ${env.RTO_MINUTES}`);
  return {
    logBucket: env.LOG_BUCKET, reportPrefix: env.REPORT_PREFIX, rtoMinutes,
    lastParameter: { failover: env.LAST_FAILOVER_PARAMETER, failback: env.LAST_FAILBACK_PARAMETER }, lastDrillParameter: env.LAST_DRILL_REPORT_PARAMETER,
  };
}

/**
 * The steps of an execution in the order they started: a step entered more than once (a wait's look) is one
 * line with its first start, last end and how many times it ran. Choices, waits and passes are the workflow's
 * own bookkeeping and are left out.
 */
export function stepsOf(events) {
  const byId = new Map(events.map((e) => [e.id, e]));
  const steps = new Map();
  // A task's failure names no state: its chain of previous events leads back to the state it failed in
  // (branches of a Parallel interleave, so "the last state entered" may be another branch's).
  const enteredBefore = (event) => {
    for (let e = event; e; e = byId.get(e.previousEventId)) if (e.stateEnteredEventDetails) return e.stateEnteredEventDetails.name;
    return null;
  };
  for (const event of events) {
    const at = new Date(event.timestamp).toISOString();
    if (/^(Task|Parallel)StateEntered$/.test(event.type)) {
      const name = event.stateEnteredEventDetails.name;
      const step = steps.get(name) ?? { step: name, started: at, ended: null, outcome: 'running', runs: 0 };
      step.runs += 1;
      steps.set(name, step);
    } else if (/^(Task|Parallel)StateExited$/.test(event.type)) {
      const step = steps.get(event.stateExitedEventDetails.name);
      if (step) Object.assign(step, { ended: at, outcome: step.outcome === 'failed' ? 'failed' : 'succeeded' });
    } else if (event.type === 'TaskFailed' || event.type === 'TaskTimedOut') {
      const details = event.taskFailedEventDetails ?? event.taskTimedOutEventDetails ?? {};
      const step = steps.get(enteredBefore(event));
      if (step) Object.assign(step, { ended: at, outcome: 'failed', error: `${details.error ?? 'error'}: ${details.cause ?? ''}`.trim() });
    }
  }
  return [...steps.values()];
}

export class DrillReport {
  constructor({ settings, clients }) {
    Object.assign(this, { settings, clients });
  }

  /** Writes the report of one finished execution and returns it. */
  async record(executionArn) {
    const execution = await this.clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
    const events = await this.#history(executionArn);
    const kind = /-failback(-|$)/.test(execution.stateMachineArn.split(':').pop()) ? 'failback' : 'failover';
    const started = new Date(execution.startDate);
    const stopped = new Date(execution.stopDate ?? Date.now());
    const seconds = Math.round((stopped - started) / 1000);
    const steps = stepsOf(events);
    const report = {
      kind, execution: execution.name, executionArn, status: execution.status,
      started: started.toISOString(), stopped: stopped.toISOString(), seconds,
      objectiveSeconds: this.settings.rtoMinutes * 60,
      metObjective: execution.status === 'SUCCEEDED' && seconds <= this.settings.rtoMinutes * 60,
      steps,
    };
    const key = `${this.settings.reportPrefix}/${kind}/${report.started.slice(0, 10)}/${execution.name}.json`;
    await this.clients.s3.send(new PutObjectCommand({ Bucket: this.settings.logBucket, Key: key, Body: JSON.stringify(report, null, 2), ContentType: 'application/json' }));
    const summary = { execution: execution.name, status: report.status, seconds, objectiveSeconds: report.objectiveSeconds, metObjective: report.metObjective, stopped: report.stopped, report: `s3://${this.settings.logBucket}/${key}` };
    await this.#put(this.settings.lastParameter[kind], summary);
    if (kind === 'failback' && execution.status === 'SUCCEEDED' && steps.some((s) => s.step === DRILL_STEP && s.outcome === 'succeeded')) {
      const failover = await this.#get(this.settings.lastParameter.failover);
      await this.#put(this.settings.lastDrillParameter, { failover, failback: summary });
    }
    return { ...report, key };
  }

  async #history(executionArn) {
    const events = [];
    let nextToken;
    do {
      const page = await this.clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
      events.push(...page.events);
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  async #get(name) {
    const result = await this.clients.ssm.send(new GetParametersCommand({ Names: [name] }));
    const value = result.Parameters?.[0]?.Value;
    return value ? JSON.parse(value) : null;
  }

  #put(name, value) {
    return this.clients.ssm.send(new PutParameterCommand({ Name: name, Value: JSON.stringify(value), Type: 'String', Overwrite: true }));
  }
}
