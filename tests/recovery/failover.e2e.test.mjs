// The failover and failback state machines, as synthesized into snapshots/dr.tf.json, run by moto's Step Functions
// interpreter against moto's RDS, ECS, Application Auto Scaling, ELBv2, SSM and SNS, seeded with the resources the DR
// stack names. What is asserted is moto's state afterwards, not the calls made.
//
// moto differs from AWS in these ways, which this test, not the product, works around:
// - it hands Parameters to botocore as written, while Step Functions takes the Java SDK's PascalCase names; for the
//   services whose wire names are camelCase (ECS, Step Functions) the test lowers the first letter of each
//   parameter and of each ResultSelector path (rewriteForMoto);
// - its JSONPath answers a path through an index ($.DBClusters[0].Status) with a one-element list (moto issue 7825's
//   fix), where Step Functions answers the value; the test wraps such ResultSelector paths in States.ArrayGetItem;
// - it knows services by botocore's names (application-autoscaling, elbv2), not Step Functions' ones;
// - it deep-copies a machine (and with it the whole backend) at each start, which fails (cannot pickle an RLock)
//   once any finished execution is held; so each run creates its machine and deletes it afterwards, and the
//   one-at-a-time guard, which needs two executions of one machine, is tested in the synth suite;
// - its Lambda runs code in Docker, which this machine lacks: the drill report (synth/Lambda/recovery/drill-report.mjs)
//   is run here in Node with clients on moto, with the settings the DR stack gives its function, after each execution;
// - promotion is instant and global-database failover is not implemented: those paths are tested in the synth
//   suite (RecoveryWorkflowTests) on the definition itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RDSClient, CreateDBClusterCommand, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, CreateServiceCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand, DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { EC2Client, CreateVpcCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client, CreateTargetGroupCommand, RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SSMClient, GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { SNSClient, CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { SQSClient, CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { SFNClient, CreateStateMachineCommand, StartExecutionCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, DeleteStateMachineCommand } from '@aws-sdk/client-sfn';
import { S3Client, CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { DrillReport, settingsFrom as drillSettingsFrom } from '../../synth/Lambda/recovery/drill-report.mjs';
import { startMoto } from './moto.mjs';

// RECOVERY_STACKS=cdktf.out/stacks runs it on a fresh synth instead of the committed snapshots.
const snapshot = (name) => JSON.parse(readFileSync(process.env.RECOVERY_STACKS ? `${process.env.RECOVERY_STACKS}/${name}/cdk.tf.json` : new URL(`../../snapshots/${name}.tf.json`, import.meta.url), 'utf8'));
const dr = snapshot('dr');
const production = snapshot('production');
const only = (stack, type) => Object.values(stack.resource[type] ?? {})[0];
const standbyRegion = Object.values(dr.provider.aws).find((p) => !p.alias).region;
const primaryRegion = Object.values(production.provider.aws).find((p) => !p.alias).region;

// What production runs: the size the failover must give the standby (read from production's stack, not the DR one's definition).
const productionService = only(production, 'aws_ecs_service');
const productionScaling = only(production, 'aws_appautoscaling_target');
const drScaling = only(dr, 'aws_appautoscaling_target');

let moto;
let clients;
const seeded = {};

before(async () => {
  moto = await startMoto();
  const at = (Client, region = standbyRegion) => new Client(moto.clientConfig(region));
  clients = {
    rds: at(RDSClient), primaryRds: at(RDSClient, primaryRegion), ecs: at(ECSClient), scaling: at(ApplicationAutoScalingClient), ec2: at(EC2Client),
    elb: at(ElasticLoadBalancingV2Client), ssm: at(SSMClient), sns: at(SNSClient), sqs: at(SQSClient), sfn: at(SFNClient),
    s3: at(S3Client),
  };
  await seed();
});

after(async () => { await moto?.stop(); });

/** The standby as the DR stack leaves it (but for the replica): the primary's cluster, the service at 0 with autoscaling 0..max, its target group, the alert topic. */
async function seed() {
  const cluster = only(dr, 'aws_ecs_cluster').name;
  const service = only(dr, 'aws_ecs_service').name;
  seeded.cluster = cluster;
  seeded.service = service;
  const source = await clients.primaryRds.send(new CreateDBClusterCommand({
    DBClusterIdentifier: only(production, 'aws_rds_cluster').cluster_identifier, Engine: 'aurora-mysql', MasterUsername: 'records_admin', MasterUserPassword: 'not-a-real-secret-1',
  }));
  seeded.sourceArn = source.DBCluster.DBClusterArn; // the standby's replica is made by the second test: the first fails without it
  await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await clients.ecs.send(new RegisterTaskDefinitionCommand({ family: service, containerDefinitions: [{ name: 'app', image: 'app:1', memory: 512 }] }));
  await clients.ecs.send(new CreateServiceCommand({ cluster, serviceName: service, taskDefinition: service, desiredCount: only(dr, 'aws_ecs_service').desired_count }));
  await clients.scaling.send(new RegisterScalableTargetCommand({
    ServiceNamespace: 'ecs', ResourceId: `service/${cluster}/${service}`, ScalableDimension: 'ecs:service:DesiredCount',
    MinCapacity: drScaling.min_capacity, MaxCapacity: drScaling.max_capacity,
  }));
  const vpc = await clients.ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }));
  const group = await clients.elb.send(new CreateTargetGroupCommand({ Name: only(dr, 'aws_lb_target_group').name, Protocol: 'HTTP', Port: 8080, VpcId: vpc.Vpc.VpcId, TargetType: 'instance' }));
  seeded.targetGroupArn = group.TargetGroups[0].TargetGroupArn;
  // Running instances in the group: moto reports them healthy, as the load balancer will once tasks pass their checks.
  // Two, as production runs: moto's JSONPath turns a one-element [*] match into a scalar, Step Functions does not.
  const instances = await clients.ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 2, MaxCount: 2 }));
  await clients.elb.send(new RegisterTargetsCommand({ TargetGroupArn: seeded.targetGroupArn, Targets: instances.Instances.map((i) => ({ Id: i.InstanceId })) }));
  const topic = await clients.sns.send(new CreateTopicCommand({ Name: only(dr, 'aws_sns_topic').name }));
  seeded.topicArn = topic.TopicArn;
  const queue = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'alert-inbox' }));
  seeded.queueUrl = queue.QueueUrl;
  const queueArn = (await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes.QueueArn;
  const drillFunction = Object.values(dr.resource.aws_lambda_function).find((f) => f.handler === 'index.drillReport');
  seeded.drillSettings = drillSettingsFrom(drillFunction.environment.variables);
  await clients.s3.send(new CreateBucketCommand({ Bucket: seeded.drillSettings.logBucket, CreateBucketConfiguration: { LocationConstraint: standbyRegion } }));
  await clients.sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'false' } }));
}

async function createReplica() {
  await clients.rds.send(new CreateDBClusterCommand({
    DBClusterIdentifier: only(dr, 'aws_rds_cluster').cluster_identifier, Engine: 'aurora-mysql', ReplicationSourceIdentifier: seeded.sourceArn,
    MasterUsername: 'records_admin', MasterUserPassword: 'not-a-real-secret-1', // moto requires them even for a replica
  }));
}

/** Terraform's interpolations in the definition, resolved to what moto holds; an unknown one fails the test. */
function resolve(definition) {
  return definition.replace(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/g, (whole, type, name, attribute) => {
    const resource = dr.resource[type]?.[name];
    assert.ok(resource, `the definition refers to ${whole}, which the DR stack does not define`);
    if (attribute === 'name') return resource.name;
    const arns = { aws_sns_topic: seeded.topicArn, aws_lb_target_group: seeded.targetGroupArn };
    assert.ok(attribute === 'arn' && arns[type], `no value for ${whole} in this test`);
    return arns[type];
  });
}

const botocoreServiceNames = { applicationautoscaling: 'application-autoscaling', elasticloadbalancingv2: 'elbv2' };
const camelCaseServices = new Set(['ecs', 'sfn']);
const lowerFirst = (name) => name[0].toLowerCase() + name.slice(1);
const lowerKeys = (value) => (Array.isArray(value) ? value.map(lowerKeys)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [lowerFirst(k), lowerKeys(v)])) : value);
/** Lowers the member names of each JSONPath in an expression ($.Services[0].DesiredCount), not the intrinsic functions around them. */
const lowerPath = (expression) => expression.replace(/\$(?:\.[A-Za-z0-9_]+|\[[^\]]*\])+/g, (path) => path.replace(/\.([A-Z])/g, (_, letter) => `.${letter.toLowerCase()}`));

/** Step Functions' names to botocore's, for moto's interpreter (see the comment at the top). */
function rewriteForMoto(states) {
  for (const state of Object.values(states)) {
    if (state.Type === 'Parallel') state.Branches.forEach((branch) => rewriteForMoto(branch.States));
    if (state.Type !== 'Task') continue;
    const [, service, action] = /^arn:aws:states:::aws-sdk:([a-z0-9]+):(.+)$/.exec(state.Resource);
    state.Resource = `arn:aws:states:::aws-sdk:${botocoreServiceNames[service] ?? service}:${action}`;
    if (camelCaseServices.has(service)) {
      state.Parameters = lowerKeys(state.Parameters);
      for (const [key, path] of Object.entries(state.ResultSelector ?? {})) state.ResultSelector[key] = lowerPath(path);
    }
    for (const [key, path] of Object.entries(state.ResultSelector ?? {}))
      if (/^\$\.\w+\[\d+\]\.[\w.]+$/.test(path)) state.ResultSelector[key] = `States.ArrayGetItem(${path}, 0)`;
  }
  return states;
}

let runs = 0;
async function createMachine(kind) {
  const machine = Object.values(dr.resource.aws_sfn_state_machine).find((m) => m.name.endsWith(`-${kind}`));
  const definition = JSON.parse(resolve(machine.definition));
  rewriteForMoto(definition.States);
  const created = await clients.sfn.send(new CreateStateMachineCommand({
    name: `${machine.name}-${runs}`, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/recovery', type: machine.type,
  }));
  return created.stateMachineArn;
}

/** Starts an execution of the failover or failback and waits (at most 60 s) for it to end; returns its description and its history. */
async function run(kind, input) {
  runs++;
  const machineArn = await createMachine(kind);
  const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: `${kind}-${input.trigger.replace(/[^A-Za-z0-9-]+/g, '-')}`, input: JSON.stringify(input) }));
  const started = Date.now();
  let execution;
  do {
    await new Promise((r) => setTimeout(r, 100));
    execution = await clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
  } while (execution.status === 'RUNNING' && Date.now() - started < 60000);
  const history = (await clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events;
  const last = history.filter((e) => e.stateEnteredEventDetails).slice(-3).map((e) => `${e.stateEnteredEventDetails.name} (${e.stateEnteredEventDetails.input})`);
  assert.notEqual(execution.status, 'RUNNING', `the execution did not end within 60 s; it last entered ${last.join(', ')}`);
  // What EventBridge hands the drill report when the execution ends (ExecutionEndTrigger).
  const report = await new DrillReport({ settings: seeded.drillSettings, clients: { sfn: clients.sfn, s3: clients.s3, ssm: clients.ssm } }).record(executionArn);
  await clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: machineArn }));
  return { execution, history, report, ms: Date.now() - started };
}

/** The API actions an execution called, as "service:action". */
const calls = (history) => history.filter((e) => e.type === 'TaskScheduled').map((e) => `${e.taskScheduledEventDetails.resourceType.replace('aws-sdk:', '')}:${e.taskScheduledEventDetails.resource}`);

/** Each state's time from entered to exited, for the record (printed as a test diagnostic). */
function timings(history) {
  const entered = new Map();
  const lines = [];
  for (const e of history) {
    if (e.stateEnteredEventDetails) entered.set(e.stateEnteredEventDetails.name, e.timestamp);
    if (e.stateExitedEventDetails) lines.push(`${e.stateExitedEventDetails.name}: ${e.timestamp - entered.get(e.stateExitedEventDetails.name)} ms`);
  }
  return lines;
}

/** The alert topic's messages since the last call, in order (through an SQS subscription). */
async function notices() {
  const subjects = [];
  for (let empty = 0; empty < 3;) {
    const { Messages = [] } = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: seeded.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (Messages.length === 0) { empty++; await new Promise((r) => setTimeout(r, 50)); continue; }
    for (const message of Messages) {
      const body = JSON.parse(message.Body);
      subjects.push({ subject: body.Subject, message: body.Message });
      await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: seeded.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
  return subjects;
}

const standbyCluster = () => clients.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: only(dr, 'aws_rds_cluster').cluster_identifier })).then((r) => r.DBClusters[0]);
const standbyService = () => clients.ecs.send(new DescribeServicesCommand({ cluster: seeded.cluster, services: [seeded.service] })).then((r) => r.services[0]);
const standbyScaling = () => clients.scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [`service/${seeded.cluster}/${seeded.service}`] })).then((r) => r.ScalableTargets[0]);
const activeRegion = () => clients.ssm.send(new GetParameterCommand({ Name: '/student-record-system/active-region' })).then((r) => r.Parameter.Value, () => null);

test('failover, re-run and failback against moto: each step checks before it acts, and failures are notified by step', async (t) => {
  await t.test('a failover without the standby database fails, and the FAILED notice names the step', async () => {
    const { execution, report } = await run('failover', { trigger: 'test: missing database', primaryReachable: false });

    assert.equal(execution.status, 'FAILED');
    const failed = report.steps.find((s) => s.step === 'Read the standby database');
    assert.equal(failed.outcome, 'failed');
    assert.match(failed.error, /not found/i);
    assert.equal(report.metObjective, false);
    assert.equal(execution.error, 'FailoverFailed');
    const received = await notices();
    assert.deepEqual(received.map((n) => n.subject), ['DR failover started', 'DR failover FAILED']);
    assert.match(received[1].message, /stopped at the step Read the standby database: .*not found/i);
    assert.equal(await activeRegion(), null);
  });

  await t.test('once the database is back, the failover finishes the job: production\'s size, the replica promoted, the active region', async (t2) => {
    await createReplica();
    await clients.scaling.send(new RegisterScalableTargetCommand({ // an operator raised the ceiling; the failover must keep it
      ServiceNamespace: 'ecs', ResourceId: `service/${seeded.cluster}/${seeded.service}`, ScalableDimension: 'ecs:service:DesiredCount', MaxCapacity: 25,
    }));

    const { execution, history, report, ms } = await run('failover', { trigger: 'test: manual', primaryReachable: false });

    assert.equal(execution.status, 'SUCCEEDED', execution.cause);
    assert.equal((await standbyService()).desiredCount, productionService.desired_count);
    const scaling = await standbyScaling();
    assert.equal(scaling.MinCapacity, productionScaling.min_capacity);
    assert.equal(scaling.MaxCapacity, 25);
    assert.equal((await standbyCluster()).ReplicationSourceIdentifier, undefined);
    assert.equal(await activeRegion(), standbyRegion);
    assert.deepEqual((await notices()).map((n) => n.subject), ['DR failover started', 'DR failover done']);
    t2.diagnostic(`failover in moto: ${ms} ms; ${timings(history).join('; ')}`);

    // The report in the log bucket: every step with its start, end and outcome, and the time against the objective.
    const stored = JSON.parse(await (await clients.s3.send(new GetObjectCommand({ Bucket: seeded.drillSettings.logBucket, Key: report.key }))).Body.transformToString());
    assert.equal(stored.status, 'SUCCEEDED');
    assert.ok(stored.steps.every((s) => s.outcome === 'succeeded' && s.started <= s.ended), JSON.stringify(stored.steps));
    assert.deepEqual(['Refuse a second run', 'Scale out and promote', 'Promote the database', 'Record the active region'].filter((n) => !stored.steps.some((s) => s.step === n)), []);
    assert.equal(stored.objectiveSeconds, 20 * 60);
    assert.equal(stored.metObjective, true);
    assert.ok(report.key.startsWith('recovery-reports/failover/'), report.key);
  });

  await t.test('a second failover changes nothing', async () => {
    const before = { service: await standbyService(), scaling: await standbyScaling() };

    const { execution, history } = await run('failover', { trigger: 'test: re-run', primaryReachable: false });

    assert.equal(execution.status, 'SUCCEEDED', execution.cause);
    const mutating = calls(history).filter((c) => !/:(describe|list|get)/i.test(c) && !c.startsWith('sns:'));
    assert.deepEqual(mutating, []);
    assert.equal((await standbyService()).desiredCount, before.service.desiredCount);
    assert.deepEqual(await standbyScaling(), before.scaling);
    assert.deepEqual((await notices()).map((n) => n.subject), ['DR failover started', 'DR failover done']);
  });

  await t.test('a binlog failback refuses until the database is returned, then darkens the standby and records the drill', async () => {
    const refused = await run('failback', { trigger: 'test: failback' });
    assert.equal(refused.execution.status, 'FAILED');
    assert.match((await notices())[1].message, /stopped at the step Return the database: .*restore production from DR/);
    assert.equal(await activeRegion(), standbyRegion);

    const { execution } = await run('failback', { trigger: 'test: failback', databaseReturned: true });

    assert.equal(execution.status, 'SUCCEEDED', execution.cause);
    assert.equal(await activeRegion(), primaryRegion);
    assert.equal((await standbyService()).desiredCount, 0);
    const scaling = await standbyScaling();
    assert.equal(scaling.MinCapacity, 0);
    assert.equal(scaling.MaxCapacity, 25);
    const drill = await clients.ssm.send(new GetParameterCommand({ Name: '/student-record-system/last-drill' }));
    assert.ok(!Number.isNaN(Date.parse(drill.Parameter.Value)), drill.Parameter.Value);
    // The drill's figures, for readiness: the last (successful) failover's and this failback's.
    const figures = JSON.parse((await clients.ssm.send(new GetParameterCommand({ Name: seeded.drillSettings.lastDrillParameter }))).Parameter.Value);
    assert.equal(figures.failover.execution, 'failover-test-re-run');
    assert.equal(figures.failback.status, 'SUCCEEDED');
    assert.equal(figures.failback.metObjective, true);
    assert.deepEqual((await notices()).map((n) => n.subject), ['DR failback started', 'DR failback done']);
  });

  await t.test('a failback when the standby never became active is not recorded as a drill', async () => {
    await clients.ssm.send(new PutParameterCommand({ Name: '/student-record-system/last-drill', Value: 'earlier', Type: 'String', Overwrite: true }));

    const drillBefore = (await clients.ssm.send(new GetParameterCommand({ Name: seeded.drillSettings.lastDrillParameter }))).Parameter.Value;

    const { execution, report } = await run('failback', { trigger: 'test: second failback', databaseReturned: true });

    assert.equal(execution.status, 'SUCCEEDED', execution.cause);
    assert.equal((await clients.ssm.send(new GetParameterCommand({ Name: seeded.drillSettings.lastDrillParameter }))).Parameter.Value, drillBefore);
    assert.equal(JSON.parse((await clients.ssm.send(new GetParameterCommand({ Name: seeded.drillSettings.lastParameter.failback }))).Parameter.Value).execution, report.execution);
    assert.equal((await clients.ssm.send(new GetParameterCommand({ Name: '/student-record-system/last-drill' }))).Parameter.Value, 'earlier');
    await notices();
  });
});
