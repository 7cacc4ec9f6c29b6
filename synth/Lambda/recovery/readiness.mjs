// Readiness of the pilot-light standby: what a failover would find. Pure logic: the AWS clients and the
// clock are injected, so tests run it against mocks. It reports what it cannot see as not ready and never
// throws for a missing cluster, service, image or parameter: a daily check that errors tells nobody anything.
// The failover and failback themselves are Step Functions workflows (synth/Constructs/Recovery).
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { GetMetricStatisticsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';

/** Reads the settings from the Lambda environment (written by the DR stack from the model). */
export function settingsFrom(env) {
  const required = ['PRIMARY_REGION', 'REPLICATION_MODE', 'STANDBY_CLUSTER', 'ECS_CLUSTER', 'ECS_SERVICE', 'TARGET_GROUP_ARN',
    'ACTIVE_REGION_PARAMETER', 'LAST_DRILL_PARAMETER', 'LAST_DRILL_REPORT_PARAMETER', 'METRIC_NAMESPACE'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`missing settings: ${missing.join(', ')}`);
  if (!['binlog', 'global'].includes(env.REPLICATION_MODE)) throw new Error(`REPLICATION_MODE must be binlog or global, not ${env.REPLICATION_MODE}`);
  return {
    primaryRegion: env.PRIMARY_REGION, mode: env.REPLICATION_MODE, standbyCluster: env.STANDBY_CLUSTER,
    ecsCluster: env.ECS_CLUSTER, ecsService: env.ECS_SERVICE, targetGroupArn: env.TARGET_GROUP_ARN,
    activeRegionParameter: env.ACTIVE_REGION_PARAMETER, lastDrillParameter: env.LAST_DRILL_PARAMETER, lastDrillReportParameter: env.LAST_DRILL_REPORT_PARAMETER, metricNamespace: env.METRIC_NAMESPACE,
  };
}

export class Readiness {
  constructor({ settings, clients, now = () => Date.now() }) {
    Object.assign(this, { settings, clients, now });
  }

  /** Database role and status, service state, its image in this region, healthy targets, the active region and the last drill. */
  async report() {
    const cluster = await this.#attempt(() => this.#cluster());
    const service = await this.#attempt(() => this.#service());
    const targets = await this.#attempt(() => this.#healthyTargets());
    const image = service?.taskDefinition ? await this.#imagePresent(service.taskDefinition) : false;
    const replicating = this.#isReplica(cluster);
    const lagSeconds = replicating ? await this.#replicationLagSeconds() : null;
    const parameters = (await this.#attempt(() => this.#parameters())) ?? {};
    const report = {
      mode: this.settings.mode,
      database: { status: cluster?.Status ?? 'missing', replicating, writer: Boolean(cluster) && !replicating, lagSeconds },
      service: { exists: Boolean(service), desired: service?.desiredCount ?? 0, running: service?.runningCount ?? 0, taskDefinition: service?.taskDefinition ?? null },
      imageInRegion: image,
      healthyTargets: targets ?? 0,
      activeRegion: parameters[this.settings.activeRegionParameter] ?? this.settings.primaryRegion,
      lastDrill: parameters[this.settings.lastDrillParameter] ?? 'never',
      lastDrillReport: parseOrNull(parameters[this.settings.lastDrillReportParameter]), // the drill's figures (drill-report.mjs)
    };
    report.ready = report.database.status === 'available' && report.service.exists && image;
    return report;
  }

  /** The report, also published as the metrics the DR-not-ready alarm watches: DrReady (1 or 0) and the replication lag. */
  async reportAndPublish() {
    const report = await this.report();
    const timestamp = new Date(this.now());
    const metrics = [{ MetricName: 'DrReady', Value: report.ready ? 1 : 0, Unit: 'None', Timestamp: timestamp }];
    if (report.database.lagSeconds !== null) metrics.push({ MetricName: 'ReplicationLagSeconds', Value: report.database.lagSeconds, Unit: 'Seconds', Timestamp: timestamp });
    await this.clients.cloudwatch.send(new PutMetricDataCommand({ Namespace: this.settings.metricNamespace, MetricData: metrics }));
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

  /** What cannot be seen (an error, a missing resource) is null: reported as missing, never thrown. */
  async #attempt(call) {
    try {
      return await call();
    } catch {
      return null;
    }
  }

  #isReplica(cluster) {
    if (!cluster) return false;
    if (this.settings.mode === 'binlog') return Boolean(cluster.ReplicationSourceIdentifier);
    return !cluster.DBClusterMembers?.some((m) => m.IsClusterWriter);
  }

  /** RDS answers an unknown cluster with DBClusterNotFoundFault, which #attempt turns into "missing". */
  async #cluster() {
    const result = await this.clients.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: this.settings.standbyCluster }));
    return result.DBClusters?.[0] ?? null;
  }

  async #service() {
    const result = await this.clients.ecs.send(new DescribeServicesCommand({ cluster: this.settings.ecsCluster, services: [this.settings.ecsService] }));
    return result.services?.find((s) => s.status !== 'INACTIVE') ?? null;
  }

  async #healthyTargets() {
    const result = await this.clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: this.settings.targetGroupArn }));
    return (result.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy').length;
  }

  /** GetParameters answers for parameters never written (before the first failover or drill) instead of failing. */
  async #parameters() {
    const { activeRegionParameter, lastDrillParameter, lastDrillReportParameter } = this.settings;
    const result = await this.clients.ssm.send(new GetParametersCommand({ Names: [activeRegionParameter, lastDrillParameter, lastDrillReportParameter] }));
    return Object.fromEntries((result.Parameters ?? []).map((p) => [p.Name, p.Value]));
  }
}

function parseOrNull(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // a hand-edited parameter is no reason to fail the daily check
  }
}
