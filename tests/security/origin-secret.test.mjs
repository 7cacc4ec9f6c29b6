// The origin header's rotation against SDK mocks that keep state (the secret's versions, two load balancers'
// rules, the distribution): moto's Lambda cannot run here (Docker), and its CloudFront and ELBv2 do not keep
// listener-rule header conditions and origin custom headers faithfully enough to test this ordering.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mockClient } from 'aws-sdk-client-mock';
import {
  SecretsManagerClient, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, UpdateSecretVersionStageCommand, GetRandomPasswordCommand,
} from '@aws-sdk/client-secrets-manager';
import { ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand, DescribeListenersCommand, DescribeRulesCommand, ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CloudFrontClient, ListDistributionsCommand, GetDistributionConfigCommand, UpdateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { OriginSecretRotation, settingsFrom, HEADER } from '../../synth/Lambda/origin-secret/rotation.mjs';

const secrets = mockClient(SecretsManagerClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const cloudfront = mockClient(CloudFrontClient);
let world;

function notFound() {
  return Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
}

beforeEach(() => {
  [secrets, elb, cloudfront].forEach((m) => m.reset());
  let generated = 0;
  world = {
    versions: { v1: { value: 'first', stages: ['AWSCURRENT'] } },
    rules: { 'srs-production': ['first'], 'srs-dr': ['first'] },
    sent: { production: 'first', dr: 'first', failover: 'first' },
    etag: 'E1',
  };
  secrets.on(DescribeSecretCommand).callsFake(() => ({ RotationEnabled: true, VersionIdsToStages: Object.fromEntries(Object.entries(world.versions).map(([id, v]) => [id, v.stages])) }));
  secrets.on(GetSecretValueCommand).callsFake(({ VersionStage, VersionId }) => {
    const entry = Object.entries(world.versions).find(([id, v]) => v.stages.includes(VersionStage) && (!VersionId || id === VersionId));
    if (!entry) throw notFound();
    return { SecretString: entry[1].value };
  });
  secrets.on(GetRandomPasswordCommand).callsFake(() => ({ RandomPassword: `value${++generated}` }));
  secrets.on(PutSecretValueCommand).callsFake(({ ClientRequestToken, SecretString, VersionStages }) => { world.versions[ClientRequestToken] = { value: SecretString, stages: VersionStages }; return {}; });
  secrets.on(UpdateSecretVersionStageCommand).callsFake(({ VersionStage, MoveToVersionId, RemoveFromVersionId }) => {
    world.versions[RemoveFromVersionId].stages = world.versions[RemoveFromVersionId].stages.filter((s) => s !== VersionStage);
    world.versions[MoveToVersionId].stages = [...world.versions[MoveToVersionId].stages.filter((s) => s !== 'AWSPENDING'), VersionStage];
    return {};
  });
  elb.on(DescribeLoadBalancersCommand).callsFake(({ Names }) => ({ LoadBalancers: [{ LoadBalancerArn: `lb/${Names[0]}` }] }));
  elb.on(DescribeListenersCommand).callsFake(({ LoadBalancerArn }) => ({ Listeners: [{ ListenerArn: `${LoadBalancerArn}/listener` }] }));
  elb.on(DescribeRulesCommand).callsFake(({ ListenerArn }) => {
    const name = ListenerArn.split('/')[1];
    return { Rules: [
      { RuleArn: `${name}/readiness`, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/health/ready'] } }] },
      { RuleArn: `${name}/from-cloudfront`, Conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: HEADER, Values: [...world.rules[name]] } }] },
      { RuleArn: `${name}/default`, IsDefault: true, Conditions: [] },
    ] };
  });
  elb.on(ModifyRuleCommand).callsFake(({ RuleArn, Conditions }) => {
    assert.ok(RuleArn.endsWith('/from-cloudfront'), `only the header rule changes, not ${RuleArn}`);
    world.rules[RuleArn.split('/')[0]] = Conditions[0].HttpHeaderConfig.Values;
    return {};
  });
  cloudfront.on(ListDistributionsCommand).resolves({ DistributionList: { Items: [{ Id: 'OTHER', Comment: 'someone else' }, { Id: 'E123', Comment: 'student-record-system-edge' }] } });
  cloudfront.on(GetDistributionConfigCommand).callsFake(() => ({ ETag: world.etag, DistributionConfig: { Origins: { Items: Object.entries(world.sent).map(([id, value]) => ({ Id: id, CustomHeaders: { Items: [{ HeaderName: HEADER, HeaderValue: value }] } })) } } }));
  cloudfront.on(UpdateDistributionCommand).callsFake(({ IfMatch, DistributionConfig }) => {
    assert.equal(IfMatch, world.etag);
    for (const origin of DistributionConfig.Origins.Items) world.sent[origin.Id] = origin.CustomHeaders.Items[0].HeaderValue;
    world.etag = `E${Number(world.etag.slice(1)) + 1}`;
    return {};
  });
});

const rotation = () => new OriginSecretRotation({
  settings: settingsFrom({ LOAD_BALANCERS: 'srs-production@eu-central-1,srs-dr@eu-west-1', DISTRIBUTION_COMMENT: 'student-record-system-edge' }),
  clients: { secrets: new SecretsManagerClient({}), cloudfront: new CloudFrontClient({}), elb: () => new ElasticLoadBalancingV2Client({}) },
});

/** What CloudFront sends is accepted by every load balancer: the property a rotation must never break. */
function assertNoWindow(when) {
  for (const value of Object.values(world.sent))
    for (const [name, accepted] of Object.entries(world.rules)) assert.ok(accepted.includes(value), `${when}: ${name} refuses what CloudFront sends`);
}

test('a rotation never leaves CloudFront sending a value a load balancer refuses, and ends with the new value current', async () => {
  // Secrets Manager's pending version starts without a value: GetSecretValue on it is not found until createSecret.
  world.versions.v2 = { stages: ['AWSPENDING'] };
  secrets.on(GetSecretValueCommand).callsFake(({ VersionStage, VersionId }) => {
    const entry = Object.entries(world.versions).find(([id, v]) => v.stages.includes(VersionStage) && (!VersionId || id === VersionId) && v.value !== undefined);
    if (!entry) throw notFound();
    return { SecretString: entry[1].value };
  });

  for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) {
    await rotation().run({ SecretId: 'origin', ClientRequestToken: 'v2', Step: step });
    assertNoWindow(`after ${step}`);
  }

  assert.deepEqual(world.versions.v2, { value: 'value1', stages: ['AWSCURRENT'] });
  assert.deepEqual(world.rules, { 'srs-production': ['first', 'value1'], 'srs-dr': ['first', 'value1'] }); // the previous value stays accepted
  assert.deepEqual(world.sent, { production: 'value1', dr: 'value1', failover: 'value1' });

  // The next rotation drops the value before last.
  world.versions.v3 = { stages: ['AWSPENDING'] };
  for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) {
    await rotation().run({ SecretId: 'origin', ClientRequestToken: 'v3', Step: step });
    assertNoWindow(`second rotation, after ${step}`);
  }
  assert.deepEqual(world.rules, { 'srs-production': ['value1', 'value2'], 'srs-dr': ['value1', 'value2'] });
});

test('each step can run again (Secrets Manager retries) without changing what it did', async () => {
  world.versions.v2 = { stages: ['AWSPENDING'] };
  secrets.on(GetSecretValueCommand).callsFake(({ VersionStage, VersionId }) => {
    const entry = Object.entries(world.versions).find(([id, v]) => v.stages.includes(VersionStage) && (!VersionId || id === VersionId) && v.value !== undefined);
    if (!entry) throw notFound();
    return { SecretString: entry[1].value };
  });
  for (const step of ['createSecret', 'createSecret', 'setSecret', 'setSecret']) await rotation().run({ SecretId: 'origin', ClientRequestToken: 'v2', Step: step });

  assert.equal(world.versions.v2.value, 'value1'); // not regenerated
  assert.equal(elb.commandCalls(ModifyRuleCommand).length, 2); // once per load balancer
  assert.equal(cloudfront.commandCalls(UpdateDistributionCommand).length, 1);
});

test('testSecret fails while a load balancer does not accept the new value', async () => {
  world.versions.v2 = { value: 'value1', stages: ['AWSPENDING'] };
  world.sent = { production: 'value1', dr: 'value1', failover: 'value1' };
  world.rules['srs-production'] = ['first', 'value1'];
  world.rules['srs-dr'] = ['first'];

  await assert.rejects(rotation().run({ SecretId: 'origin', ClientRequestToken: 'v2', Step: 'testSecret' }), /srs-dr in eu-west-1 does not accept the new value/);
});

test('settings name every load balancer as name@region', () => {
  assert.throws(() => settingsFrom({ LOAD_BALANCERS: 'srs-production', DISTRIBUTION_COMMENT: 'x' }), /not name@region/);
  assert.throws(() => settingsFrom({ LOAD_BALANCERS: 'a@b' }), /missing settings: DISTRIBUTION_COMMENT/);
});
