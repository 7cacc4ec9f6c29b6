// Readiness against mocked AWS clients (the current @aws-sdk/client-* models). The failover and failback run
// on Step Functions and are tested end to end against moto (failover.e2e.test.mjs).
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mockClient } from 'aws-sdk-client-mock';
import { ECSClient, DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ECRClient, DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { CloudWatchClient, GetMetricStatisticsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { RDSClient, DescribeDBClustersCommand, DBClusterNotFoundFault } from '@aws-sdk/client-rds';
import { SSMClient, GetParametersCommand } from '@aws-sdk/client-ssm';
import { ElasticLoadBalancingV2Client, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Readiness, settingsFrom } from '../../synth/Lambda/recovery/readiness.mjs';

const env = (mode) => ({
  PRIMARY_REGION: 'eu-central-1', REPLICATION_MODE: mode, STANDBY_CLUSTER: 'student-record-system-dr-aurora',
  ECS_CLUSTER: 'student-record-system-dr', ECS_SERVICE: 'student-record-system-dr',
  TARGET_GROUP_ARN: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/srs-dr/abc',
  ACTIVE_REGION_PARAMETER: '/student-record-system/active-region', LAST_DRILL_PARAMETER: '/student-record-system/last-drill',
  LAST_DRILL_REPORT_PARAMETER: '/student-record-system/last-drill-report', METRIC_NAMESPACE: 'student-record-system',
});

const mocks = {
  ecs: mockClient(ECSClient), ecr: mockClient(ECRClient), cloudwatch: mockClient(CloudWatchClient), rds: mockClient(RDSClient),
  ssm: mockClient(SSMClient), elb: mockClient(ElasticLoadBalancingV2Client),
};

const readiness = (mode) => new Readiness({
  settings: settingsFrom(env(mode)),
  clients: { ecs: new ECSClient({}), ecr: new ECRClient({}), cloudwatch: new CloudWatchClient({}), rds: new RDSClient({}), ssm: new SSMClient({}), elb: new ElasticLoadBalancingV2Client({}) },
  now: () => Date.parse('2026-12-01T06:00:00Z'),
});

const replica = { Status: 'available', ReplicationSourceIdentifier: 'arn:aws:rds:eu-central-1:111122223333:cluster:student-record-system-production-aurora', DBClusterMembers: [] };
const globalSecondary = { Status: 'available', DBClusterMembers: [{ IsClusterWriter: false }] };
const image = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/student-record-system:3f2a9c1';

beforeEach(() => {
  Object.values(mocks).forEach((m) => m.reset());
  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ status: 'ACTIVE', desiredCount: 0, runningCount: 0, taskDefinition: 'td:1' }] });
  mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ image }] } });
  mocks.ecr.on(DescribeImagesCommand, { repositoryName: 'student-record-system', imageIds: [{ imageTag: '3f2a9c1' }] }).resolves({ imageDetails: [{}] });
  mocks.ssm.on(GetParametersCommand).resolves({ Parameters: [], InvalidParameters: ['/student-record-system/active-region', '/student-record-system/last-drill'] });
  mocks.elb.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
});

test('readiness reports the replica, the dark service, its image in the region and where traffic goes', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.ssm.on(GetParametersCommand).resolves({ Parameters: [
    { Name: '/student-record-system/last-drill', Value: '2026-11-01T06:00:00.000Z' },
    { Name: '/student-record-system/last-drill-report', Value: '{"failover":{"seconds":412,"metObjective":true}}' },
  ] });
  mocks.cloudwatch.on(GetMetricStatisticsCommand, { MetricName: 'AuroraBinlogReplicaLag' }).resolves({ Datapoints: [{ Maximum: 0.4 }, { Maximum: 2 }, { Maximum: 1 }] });

  assert.deepEqual(await readiness('binlog').report(), {
    mode: 'binlog',
    database: { status: 'available', replicating: true, writer: false, lagSeconds: 2 },
    service: { exists: true, desired: 0, running: 0, taskDefinition: 'td:1' },
    imageInRegion: true,
    healthyTargets: 0,
    activeRegion: 'eu-central-1',
    lastDrill: '2026-11-01T06:00:00.000Z',
    lastDrillReport: { failover: { seconds: 412, metObjective: true } },
    ready: true,
  });
});

test('a missing standby cluster is reported as missing and not ready, not thrown (RDS answers DBClusterNotFoundFault)', async () => {
  mocks.rds.on(DescribeDBClustersCommand).rejects(new DBClusterNotFoundFault({ message: 'DBCluster student-record-system-dr-aurora not found.', $metadata: {} }));

  const report = await readiness('binlog').report();

  assert.deepEqual(report.database, { status: 'missing', replicating: false, writer: false, lagSeconds: null });
  assert.equal(report.ready, false);
});

test('a missing service, task definition or parameter store answer is not ready, not an error', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [], failures: [{ reason: 'MISSING' }] });
  mocks.ssm.on(GetParametersCommand).rejects(new Error('AccessDenied'));

  const report = await readiness('binlog').report();

  assert.equal(report.service.exists, false);
  assert.equal(report.imageInRegion, false);
  assert.equal(report.activeRegion, 'eu-central-1');
  assert.equal(report.ready, false);
});

test('readiness converts a global database lag from milliseconds and says when no lag is reported', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [globalSecondary] });
  mocks.cloudwatch.on(GetMetricStatisticsCommand, { MetricName: 'AuroraGlobalDBReplicationLag' }).resolvesOnce({ Datapoints: [{ Maximum: 850 }] }).resolves({ Datapoints: [] });

  assert.equal((await readiness('global').report()).database.lagSeconds, 0.85);
  assert.equal((await readiness('global').report()).database.lagSeconds, null);
});

test('readiness is not ready when the image has not reached the standby registry', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.ecr.on(DescribeImagesCommand).rejects(new Error('ImageNotFoundException'));

  const report = await readiness('binlog').report();

  assert.equal(report.imageInRegion, false);
  assert.equal(report.ready, false);
});

test('the report is published as DrReady and the lag, in the platform namespace, for the not-ready alarm', async () => {
  mocks.cloudwatch.on(PutMetricDataCommand).resolves({});
  mocks.rds.on(DescribeDBClustersCommand).resolvesOnce({ DBClusters: [replica] }).rejects(new DBClusterNotFoundFault({ message: 'gone', $metadata: {} }));
  mocks.cloudwatch.on(GetMetricStatisticsCommand).resolves({ Datapoints: [{ Maximum: 3 }] });

  await readiness('binlog').reportAndPublish();
  await readiness('binlog').reportAndPublish();

  const [ready, missing] = mocks.cloudwatch.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input);
  assert.equal(ready.Namespace, 'student-record-system');
  assert.deepEqual(ready.MetricData.map((m) => [m.MetricName, m.Value]), [['DrReady', 1], ['ReplicationLagSeconds', 3]]);
  assert.deepEqual(missing.MetricData.map((m) => [m.MetricName, m.Value]), [['DrReady', 0]]); // no cluster: not ready, no lag
});

test('settings refuse a missing variable or an unknown mode', () => {
  assert.throws(() => settingsFrom({ ...env('binlog'), TARGET_GROUP_ARN: '' }), /missing settings: TARGET_GROUP_ARN/);
  assert.throws(() => settingsFrom(env('async')), /REPLICATION_MODE must be binlog or global/);
});
