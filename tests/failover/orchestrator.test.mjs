// The failover orchestrator against mocked AWS clients (the current @aws-sdk/client-* models) and a fake clock.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mockClient } from 'aws-sdk-client-mock';
import { ECSClient, DescribeServicesCommand, UpdateServiceCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ECRClient, DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  RDSClient, DescribeDBClustersCommand, PromoteReadReplicaDBClusterCommand, FailoverGlobalClusterCommand,
  SwitchoverGlobalClusterCommand, DescribeGlobalClustersCommand,
} from '@aws-sdk/client-rds';
import { SSMClient, GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { ElasticLoadBalancingV2Client, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Orchestrator, settingsFrom } from '../../synth/Lambda/failover/orchestrator.mjs';

const env = (mode) => ({
  STANDBY_REGION: 'eu-west-1', PRIMARY_REGION: 'eu-central-1', REPLICATION_MODE: mode,
  STANDBY_CLUSTER: 'student-record-system-dr-aurora',
  PRIMARY_CLUSTER_ARN: 'arn:aws:rds:eu-central-1:111122223333:cluster:student-record-system-production-aurora',
  STANDBY_CLUSTER_ARN: 'arn:aws:rds:eu-west-1:111122223333:cluster:student-record-system-dr-aurora',
  GLOBAL_CLUSTER: 'student-record-system-global', ECS_CLUSTER: 'student-record-system-dr', ECS_SERVICE: 'student-record-system-dr',
  DESIRED_COUNT: '2', MIN_CAPACITY: '2', MAX_CAPACITY: '10',
  TARGET_GROUP_ARN: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/srs-dr/abc',
  ACTIVE_REGION_PARAMETER: '/student-record-system/active-region', LAST_DRILL_PARAMETER: '/student-record-system/last-drill', TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:student-record-system-dr-alerts',
});

const mocks = {
  ecs: mockClient(ECSClient), ecr: mockClient(ECRClient), cloudwatch: mockClient(CloudWatchClient), autoscaling: mockClient(ApplicationAutoScalingClient), rds: mockClient(RDSClient),
  ssm: mockClient(SSMClient), sns: mockClient(SNSClient), elb: mockClient(ElasticLoadBalancingV2Client),
};

/** A fake clock: sleeping advances it, so step timings are deterministic. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms) => { t += ms; } };
}

function orchestrator(mode, overrides = {}) {
  const c = clock();
  return new Orchestrator({
    settings: settingsFrom(env(mode)),
    clients: { ecs: new ECSClient({}), ecr: new ECRClient({}), cloudwatch: new CloudWatchClient({}), autoscaling: new ApplicationAutoScalingClient({}), rds: new RDSClient({}), ssm: new SSMClient({}), sns: new SNSClient({}), elb: new ElasticLoadBalancingV2Client({}) },
    sleep: c.sleep, now: c.now, pollMs: 15000, maxPolls: 5, ...overrides,
  });
}

const replica = { Status: 'available', ReplicationSourceIdentifier: 'arn:aws:rds:eu-central-1:111122223333:cluster:student-record-system-production-aurora', DBClusterMembers: [] };
const promoting = { Status: 'promoting', DBClusterMembers: [] };
const writer = { Status: 'available', DBClusterMembers: [{ IsClusterWriter: true }] };
const globalSecondary = { Status: 'available', DBClusterMembers: [{ IsClusterWriter: false }] };

beforeEach(() => {
  Object.values(mocks).forEach((m) => m.reset());
  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ desiredCount: 0, runningCount: 0, taskDefinition: 'td:1' }] });
  mocks.ecs.on(UpdateServiceCommand).resolves({});
  mocks.autoscaling.on(RegisterScalableTargetCommand).resolves({});
  mocks.ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'eu-central-1' } });
  mocks.ssm.on(PutParameterCommand).resolves({});
  mocks.sns.on(PublishCommand).resolves({});
  mocks.elb.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ TargetHealth: { State: 'healthy' } }] });
});

test('binlog failover scales the service, promotes the replica, waits, records and confirms', async () => {
  mocks.rds.on(DescribeDBClustersCommand)
    .resolvesOnce({ DBClusters: [replica] })      // promote: still a replica
    .resolvesOnce({ DBClusters: [promoting] })    // wait: promoting
    .resolves({ DBClusters: [writer] });          // wait: writable
  mocks.rds.on(PromoteReadReplicaDBClusterCommand).resolves({});

  const report = await orchestrator('binlog').failover();

  assert.equal(report.ok, true);
  assert.deepEqual(report.steps.map((s) => `${s.step}:${s.status}`),
    ['scale-service:done', 'promote-database:done', 'wait-writable:done', 'record-active-region:done', 'confirm-targets:done']);
  assert.equal(report.steps.find((s) => s.step === 'wait-writable').ms, 15000); // one poll on the fake clock
  assert.deepEqual(mocks.ecs.commandCalls(UpdateServiceCommand)[0].args[0].input, { cluster: 'student-record-system-dr', service: 'student-record-system-dr', desiredCount: 2 });
  assert.equal(mocks.autoscaling.commandCalls(RegisterScalableTargetCommand)[0].args[0].input.MinCapacity, 2);
  assert.equal(mocks.rds.commandCalls(PromoteReadReplicaDBClusterCommand)[0].args[0].input.DBClusterIdentifier, 'student-record-system-dr-aurora');
  assert.equal(mocks.ssm.commandCalls(PutParameterCommand)[0].args[0].input.Value, 'eu-west-1');
  assert.deepEqual(mocks.sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject), ['DR failover started', 'DR failover done']);
});

test('a re-run after everything succeeded repeats no action', async () => {
  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ desiredCount: 2, runningCount: 2 }] });
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [writer] });
  mocks.ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'eu-west-1' } });

  const report = await orchestrator('binlog').failover();

  assert.equal(report.ok, true);
  assert.deepEqual(report.steps.map((s) => s.status), ['skipped', 'skipped', 'skipped', 'skipped', 'done']);
  assert.equal(mocks.ecs.commandCalls(UpdateServiceCommand).length, 0);
  assert.equal(mocks.rds.commandCalls(PromoteReadReplicaDBClusterCommand).length, 0);
  assert.equal(mocks.ssm.commandCalls(PutParameterCommand).length, 0);
});

test('a failing step stops the run, is reported and notified, and a re-run resumes from it', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.rds.on(PromoteReadReplicaDBClusterCommand).rejectsOnce(new Error('InvalidDBClusterStateFault')).resolves({});

  const first = await orchestrator('binlog').failover();

  assert.equal(first.ok, false);
  assert.deepEqual(first.steps.map((s) => `${s.step}:${s.status}`), ['scale-service:done', 'promote-database:failed']);
  assert.match(first.steps[1].error, /InvalidDBClusterStateFault/);
  assert.equal(mocks.sns.commandCalls(PublishCommand).at(-1).args[0].input.Subject, 'DR failover FAILED');
  assert.equal(mocks.ssm.commandCalls(PutParameterCommand).length, 0); // nothing after the failure

  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ desiredCount: 2 }] }); // scaled by the first run
  mocks.rds.reset(); // call counts restart: the replica is promoted this time
  mocks.rds.on(PromoteReadReplicaDBClusterCommand).resolves({});
  mocks.rds.on(DescribeDBClustersCommand).resolvesOnce({ DBClusters: [replica] }).resolves({ DBClusters: [writer] });
  const second = await orchestrator('binlog').failover();

  assert.equal(second.ok, true);
  assert.deepEqual(second.steps.map((s) => s.status), ['skipped', 'done', 'skipped', 'done', 'done']);
});

test('global failover with the primary region down accepts data loss; with it up, switches over', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolvesOnce({ DBClusters: [globalSecondary] }).resolves({ DBClusters: [writer] });
  mocks.rds.on(FailoverGlobalClusterCommand).resolves({});
  mocks.rds.on(SwitchoverGlobalClusterCommand).resolves({});

  const down = await orchestrator('global').failover({ primaryReachable: false });
  assert.equal(down.ok, true);
  assert.deepEqual(mocks.rds.commandCalls(FailoverGlobalClusterCommand)[0].args[0].input, {
    GlobalClusterIdentifier: 'student-record-system-global', TargetDbClusterIdentifier: env('global').STANDBY_CLUSTER_ARN, AllowDataLoss: true,
  });

  mocks.rds.reset();
  mocks.rds.on(SwitchoverGlobalClusterCommand).resolves({});
  mocks.rds.on(DescribeDBClustersCommand).resolvesOnce({ DBClusters: [globalSecondary] }).resolves({ DBClusters: [writer] });
  const up = await orchestrator('global').failover({ primaryReachable: true });
  assert.equal(up.ok, true);
  assert.equal(mocks.rds.commandCalls(SwitchoverGlobalClusterCommand).length, 1);
  assert.equal(mocks.rds.commandCalls(PromoteReadReplicaDBClusterCommand).length, 0);
});

test('waiting gives up after its polls and says which cluster never became writable', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolvesOnce({ DBClusters: [replica] }).resolves({ DBClusters: [promoting] });
  mocks.rds.on(PromoteReadReplicaDBClusterCommand).resolves({});

  const report = await orchestrator('binlog').failover();

  const wait = report.steps.find((s) => s.step === 'wait-writable');
  assert.equal(wait.status, 'failed');
  assert.equal(wait.ms, 5 * 15000);
  assert.match(wait.error, /student-record-system-dr-aurora not writable after 5 checks/);
});

test('global failback switches the writer back and darkens the standby; binlog failback says what to do by hand', async () => {
  mocks.rds.on(DescribeGlobalClustersCommand).resolves({ GlobalClusters: [{ GlobalClusterMembers: [{ DBClusterArn: env('global').STANDBY_CLUSTER_ARN, IsWriter: true }] }] });
  mocks.rds.on(SwitchoverGlobalClusterCommand).resolves({});
  mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ desiredCount: 2 }] });
  mocks.ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'eu-west-1' } });

  const global = await orchestrator('global').failback();
  assert.equal(global.ok, true);
  assert.equal(mocks.rds.commandCalls(SwitchoverGlobalClusterCommand)[0].args[0].input.TargetDbClusterIdentifier, env('global').PRIMARY_CLUSTER_ARN);
  assert.equal(mocks.ecs.commandCalls(UpdateServiceCommand)[0].args[0].input.desiredCount, 0);
  assert.equal(mocks.autoscaling.commandCalls(RegisterScalableTargetCommand)[0].args[0].input.MinCapacity, 0);
  assert.deepEqual(global.steps.map((s) => s.step), ['return-database', 'record-active-region', 'scale-service-to-zero', 'record-drill']);
  assert.equal(mocks.ssm.commandCalls(PutParameterCommand).at(-1).args[0].input.Name, '/student-record-system/last-drill');

  const binlog = await orchestrator('binlog').failback();
  assert.equal(binlog.ok, false);
  assert.match(binlog.steps[0].error, /cannot be switched back/);
});

test('readiness reports the replica, the dark service, its image in the region and where traffic goes', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.elb.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
  mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/student-record-system:3f2a9c1' }] } });
  mocks.ecr.on(DescribeImagesCommand, { repositoryName: 'student-record-system', imageIds: [{ imageTag: '3f2a9c1' }] }).resolves({ imageDetails: [{}] });
  mocks.ssm.on(GetParameterCommand, { Name: '/student-record-system/last-drill' }).resolves({ Parameter: { Value: '2026-11-01T06:00:00.000Z' } });
  mocks.cloudwatch.on(GetMetricStatisticsCommand, { MetricName: 'AuroraBinlogReplicaLag' }).resolves({ Datapoints: [{ Maximum: 0.4 }, { Maximum: 2 }, { Maximum: 1 }] });

  const report = await orchestrator('binlog').readiness();

  assert.deepEqual(report, {
    mode: 'binlog',
    database: { status: 'available', replicating: true, writer: false, lagSeconds: 2 },
    service: { exists: true, desired: 0, running: 0, taskDefinition: 'td:1' },
    imageInRegion: true,
    healthyTargets: 0,
    activeRegion: 'eu-central-1',
    lastDrill: '2026-11-01T06:00:00.000Z',
    ready: true,
  });
});

test('readiness converts a global database lag from milliseconds and says when no lag is reported', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [globalSecondary] });
  mocks.cloudwatch.on(GetMetricStatisticsCommand, { MetricName: 'AuroraGlobalDBReplicationLag' }).resolvesOnce({ Datapoints: [{ Maximum: 850 }] }).resolves({ Datapoints: [] });

  assert.equal((await orchestrator('global').readiness()).database.lagSeconds, 0.85);
  assert.equal((await orchestrator('global').readiness()).database.lagSeconds, null);
});

test('readiness is not ready when the image has not reached the standby registry', async () => {
  mocks.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [replica] });
  mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/student-record-system:new' }] } });
  const notFound = new Error('ImageNotFoundException');
  mocks.ecr.on(DescribeImagesCommand).rejects(notFound);

  const report = await orchestrator('binlog').readiness();

  assert.equal(report.imageInRegion, false);
  assert.equal(report.ready, false);
});

test('settings refuse a missing variable or an unknown mode', () => {
  assert.throws(() => settingsFrom({ ...env('binlog'), TOPIC_ARN: '' }), /missing settings: TOPIC_ARN/);
  assert.throws(() => settingsFrom(env('async')), /REPLICATION_MODE must be binlog or global/);
});
