// Failover orchestration for the pilot-light standby. Pure logic: the AWS clients, the clock and the
// sleep are injected, so tests run it against mocks and a fake clock. Every step first looks at the
// current state and skips itself when its work is already done, so a re-run after a partial failure
// finishes the job without repeating harm.
import { UpdateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeDBClustersCommand, PromoteReadReplicaDBClusterCommand,
  FailoverGlobalClusterCommand, SwitchoverGlobalClusterCommand, DescribeGlobalClustersCommand,
} from '@aws-sdk/client-rds';
import { PutParameterCommand, GetParameterCommand } from '@aws-sdk/client-ssm';
import { PublishCommand } from '@aws-sdk/client-sns';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';

/** Reads the orchestrator's settings from the Lambda environment (written by the DR stack from the model). */
export function settingsFrom(env) {
  const required = ['STANDBY_REGION', 'PRIMARY_REGION', 'REPLICATION_MODE', 'STANDBY_CLUSTER', 'PRIMARY_CLUSTER_ARN', 'STANDBY_CLUSTER_ARN',
    'ECS_CLUSTER', 'ECS_SERVICE', 'DESIRED_COUNT', 'MIN_CAPACITY', 'MAX_CAPACITY', 'TARGET_GROUP_ARN', 'ACTIVE_REGION_PARAMETER',
    'LAST_DRILL_PARAMETER', 'TOPIC_ARN'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`missing settings: ${missing.join(', ')}`);
  if (!['binlog', 'global'].includes(env.REPLICATION_MODE)) throw new Error(`REPLICATION_MODE must be binlog or global, not ${env.REPLICATION_MODE}`);
  return {
    standbyRegion: env.STANDBY_REGION, primaryRegion: env.PRIMARY_REGION, mode: env.REPLICATION_MODE,
    standbyCluster: env.STANDBY_CLUSTER, primaryClusterArn: env.PRIMARY_CLUSTER_ARN, standbyClusterArn: env.STANDBY_CLUSTER_ARN,
    globalCluster: env.GLOBAL_CLUSTER ?? '', ecsCluster: env.ECS_CLUSTER, ecsService: env.ECS_SERVICE,
    desiredCount: Number(env.DESIRED_COUNT), minCapacity: Number(env.MIN_CAPACITY), maxCapacity: Number(env.MAX_CAPACITY),
    targetGroupArn: env.TARGET_GROUP_ARN, activeRegionParameter: env.ACTIVE_REGION_PARAMETER,
    lastDrillParameter: env.LAST_DRILL_PARAMETER, topicArn: env.TOPIC_ARN,
  };
}

export class Orchestrator {
  constructor({ settings, clients, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), now = () => Date.now(), pollMs = 15000, maxPolls = 80 }) {
    Object.assign(this, { settings, clients, sleep, now, pollMs, maxPolls });
  }

  /** What a failover would find: database role and status, service state, its image in this region, healthy targets. */
  async readiness() {
    const cluster = await this.#cluster();
    const service = await this.#service();
    const targets = await this.#healthyTargets();
    const image = service?.taskDefinition ? await this.#imagePresent(service.taskDefinition) : false;
    const lagSeconds = this.#isReplica(cluster) ? await this.#replicationLagSeconds() : null;
    const active = await this.#parameter(this.settings.activeRegionParameter);
    const lastDrill = await this.#parameter(this.settings.lastDrillParameter);
    const report = {
      mode: this.settings.mode,
      database: { status: cluster?.Status ?? 'missing', replicating: this.#isReplica(cluster), writer: !this.#isReplica(cluster), lagSeconds },
      service: { exists: Boolean(service), desired: service?.desiredCount ?? 0, running: service?.runningCount ?? 0, taskDefinition: service?.taskDefinition ?? null },
      imageInRegion: image,
      healthyTargets: targets,
      activeRegion: active ?? this.settings.primaryRegion,
      lastDrill: lastDrill ?? 'never',
    };
    report.ready = report.database.status === 'available' && report.service.exists && image;
    return report;
  }

  /** The replica's worst lag over the last five minutes, in seconds (global databases report milliseconds). */
  async #replicationLagSeconds() {
    const binlog = this.settings.mode === 'binlog';
    const end = new Date(this.now());
    const result = await this.#attempt(() => this.clients.cloudwatch.send(new GetMetricStatisticsCommand({
      Namespace: 'AWS/RDS', MetricName: binlog ? 'AuroraBinlogReplicaLag' : 'AuroraGlobalDBReplicationLag',
      Dimensions: [{ Name: 'DBClusterIdentifier', Value: this.settings.standbyCluster }],
      StartTime: new Date(end.getTime() - 5 * 60000), EndTime: end, Period: 60, Statistics: ['Maximum'],
    })));
    const worst = Math.max(...(result?.Datapoints ?? []).map((d) => d.Maximum ?? 0));
    if (!Number.isFinite(worst)) return null; // no datapoints: replication is not reporting
    return binlog ? worst : worst / 1000;
  }

  /** The task definition's image exists in this region's registry (replicated from the primary's). */
  async #imagePresent(taskDefinition) {
    const definition = await this.#attempt(() => this.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition })));
    const image = definition?.taskDefinition?.containerDefinitions?.[0]?.image ?? '';
    const [, repository, tag] = /^[^/]+\/(.+):([^:]+)$/.exec(image) ?? [];
    if (!repository) return false;
    const images = await this.#attempt(() => this.clients.ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageTag: tag }] })));
    return (images?.imageDetails ?? []).length > 0;
  }

  /** Readiness reports what it cannot see (null) instead of failing on it. */
  async #attempt(call) {
    try {
      return await call();
    } catch {
      return null;
    }
  }

  /** Moves the platform to the standby: scale, promote, wait, record, confirm, with each step's timing. */
  async failover({ primaryReachable = false } = {}) {
    return this.#run('failover', [
      ['scale-service', () => this.#scale(this.settings.minCapacity, this.settings.maxCapacity, this.settings.desiredCount)],
      ['promote-database', () => this.#promote(primaryReachable)],
      ['wait-writable', () => this.#waitWritable()],
      ['record-active-region', () => this.#recordActive(this.settings.standbyRegion)],
      ['confirm-targets', () => this.#confirmTargets()],
    ]);
  }

  /** Back to the primary once it is healthy: switch the global writer back (binlog: manual), then dark again.
   *  A completed failback ends a drill (failover then failback): its time is recorded for readiness. */
  async failback() {
    return this.#run('failback', [
      ['return-database', () => this.#returnDatabase()],
      ['record-active-region', () => this.#recordActive(this.settings.primaryRegion)],
      ['scale-service-to-zero', () => this.#scale(0, this.settings.maxCapacity, 0)],
      ['record-drill', () => this.#put(this.settings.lastDrillParameter, new Date(this.now()).toISOString()).then(() => 'done')],
    ]);
  }

  async #run(action, steps) {
    const report = { action, mode: this.settings.mode, steps: [], ok: true };
    await this.#notify(`${action} started`, report);
    for (const [name, step] of steps) {
      const started = this.now();
      try {
        const status = await step();
        report.steps.push({ step: name, status, ms: this.now() - started });
      } catch (error) {
        report.steps.push({ step: name, status: 'failed', ms: this.now() - started, error: error.message });
        report.ok = false;
        break; // later steps depend on this one; a re-run resumes here
      }
    }
    await this.#notify(`${action} ${report.ok ? 'done' : 'FAILED'}`, report);
    return report;
  }

  async #scale(min, max, desired) {
    const service = await this.#service();
    if (!service) throw new Error(`ECS service ${this.settings.ecsService} not found`);
    await this.clients.autoscaling.send(new RegisterScalableTargetCommand({
      ServiceNamespace: 'ecs', ResourceId: `service/${this.settings.ecsCluster}/${this.settings.ecsService}`,
      ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: min, MaxCapacity: max,
    }));
    if (service.desiredCount === desired) return 'skipped';
    await this.clients.ecs.send(new UpdateServiceCommand({ cluster: this.settings.ecsCluster, service: this.settings.ecsService, desiredCount: desired }));
    return 'done';
  }

  async #promote(primaryReachable) {
    const cluster = await this.#cluster();
    if (!cluster) throw new Error(`cluster ${this.settings.standbyCluster} not found`);
    if (!this.#isReplica(cluster)) return 'skipped'; // already the writer
    if (this.settings.mode === 'binlog') {
      await this.clients.rds.send(new PromoteReadReplicaDBClusterCommand({ DBClusterIdentifier: this.settings.standbyCluster }));
    } else if (primaryReachable) {
      await this.clients.rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: this.settings.globalCluster, TargetDbClusterIdentifier: this.settings.standbyClusterArn }));
    } else {
      await this.clients.rds.send(new FailoverGlobalClusterCommand({ GlobalClusterIdentifier: this.settings.globalCluster, TargetDbClusterIdentifier: this.settings.standbyClusterArn, AllowDataLoss: true }));
    }
    return 'done';
  }

  async #waitWritable() {
    for (let poll = 0; poll < this.maxPolls; poll++) {
      const cluster = await this.#cluster();
      if (cluster?.Status === 'available' && !this.#isReplica(cluster)) return poll === 0 ? 'skipped' : 'done';
      await this.sleep(this.pollMs);
    }
    throw new Error(`cluster ${this.settings.standbyCluster} not writable after ${this.maxPolls} checks`);
  }

  async #recordActive(region) {
    if (await this.#parameter(this.settings.activeRegionParameter) === region) return 'skipped';
    await this.#put(this.settings.activeRegionParameter, region);
    return 'done';
  }

  #parameter(name) {
    return this.clients.ssm.send(new GetParameterCommand({ Name: name })).then((r) => r.Parameter?.Value ?? null, () => null);
  }

  #put(name, value) {
    return this.clients.ssm.send(new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }));
  }

  async #confirmTargets() {
    for (let poll = 0; poll < this.maxPolls; poll++) {
      if (await this.#healthyTargets() > 0) return 'done';
      await this.sleep(this.pollMs);
    }
    throw new Error('no healthy target in the standby target group');
  }

  async #returnDatabase() {
    if (this.settings.mode === 'binlog') {
      throw new Error('a promoted binlog replica cannot be switched back: restore the primary from the standby (runbook), then re-run failback');
    }
    const global = await this.clients.rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: this.settings.globalCluster }));
    const writer = global.GlobalClusters?.[0]?.GlobalClusterMembers?.find((m) => m.IsWriter)?.DBClusterArn;
    if (writer === this.settings.primaryClusterArn) return 'skipped';
    await this.clients.rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: this.settings.globalCluster, TargetDbClusterIdentifier: this.settings.primaryClusterArn }));
    return 'done';
  }

  #isReplica(cluster) {
    if (!cluster) return false;
    if (this.settings.mode === 'binlog') return Boolean(cluster.ReplicationSourceIdentifier);
    const member = cluster.DBClusterMembers?.some((m) => m.IsClusterWriter);
    return !member;
  }

  async #cluster() {
    const result = await this.clients.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: this.settings.standbyCluster }));
    return result.DBClusters?.[0];
  }

  async #service() {
    const result = await this.clients.ecs.send(new DescribeServicesCommand({ cluster: this.settings.ecsCluster, services: [this.settings.ecsService] }));
    return result.services?.[0];
  }

  async #healthyTargets() {
    const result = await this.clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: this.settings.targetGroupArn }));
    return (result.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy').length;
  }

  async #notify(subject, report) {
    await this.clients.sns.send(new PublishCommand({ TopicArn: this.settings.topicArn, Subject: `DR ${subject}`.slice(0, 100), Message: JSON.stringify(report, null, 2) }));
  }
}
