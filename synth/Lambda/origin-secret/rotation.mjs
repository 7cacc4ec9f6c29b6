// Rotation of the origin header's value (X-Origin-Verify), which CloudFront sends and both load balancers require,
// without a moment in which they disagree: the load balancers accept the current and the new value before
// CloudFront sends the new one, and keep accepting the previous value until the next rotation. Secrets
// Manager's four steps (createSecret, setSecret, testSecret, finishSecret); clients are injected for tests.
import { DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, UpdateSecretVersionStageCommand, GetRandomPasswordCommand } from '@aws-sdk/client-secrets-manager';
import { DescribeLoadBalancersCommand, DescribeListenersCommand, DescribeRulesCommand, ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListDistributionsCommand, GetDistributionConfigCommand, UpdateDistributionCommand } from '@aws-sdk/client-cloudfront';

export const HEADER = 'X-Origin-Verify';

/** Reads the settings from the Lambda environment (written by production's stack from the model). */
export function settingsFrom(env) {
  const required = ['LOAD_BALANCERS', 'DISTRIBUTION_COMMENT'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`missing settings: ${missing.join(', ')}`);
  // "name@region,name@region": every load balancer that checks the header.
  const loadBalancers = env.LOAD_BALANCERS.split(',').map((entry) => {
    const [name, region] = entry.split('@');
    if (!name || !region) throw new Error(`LOAD_BALANCERS entry '${entry}' is not name@region`);
    return { name, region };
  });
  return { loadBalancers, distributionComment: env.DISTRIBUTION_COMMENT };
}

export class OriginSecretRotation {
  /** @param clients {secrets, cloudfront, elb: (region) => client} */
  constructor({ settings, clients }) {
    Object.assign(this, { settings, clients });
  }

  async run({ SecretId: secretId, ClientRequestToken: token, Step: step }) {
    const secret = await this.clients.secrets.send(new DescribeSecretCommand({ SecretId: secretId }));
    const stages = secret.VersionIdsToStages?.[token];
    if (!secret.RotationEnabled) throw new Error(`rotation is not enabled for ${secretId}`);
    if (!stages) throw new Error(`version ${token} is not a version of ${secretId}`);
    if (stages.includes('AWSCURRENT')) return 'already current'; // a repeated finishSecret
    if (!stages.includes('AWSPENDING')) throw new Error(`version ${token} is not pending`);
    switch (step) {
      case 'createSecret': return this.#create(secretId, token);
      case 'setSecret': return this.#acceptBoth(secretId, token);
      case 'testSecret': return this.#test(secretId, token);
      case 'finishSecret': return this.#finish(secretId, token, secret);
      default: throw new Error(`unknown step ${step}`);
    }
  }

  async #value(secretId, stage, token) {
    const result = await this.clients.secrets.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage, VersionId: token }));
    return result.SecretString;
  }

  /** A new value, letters and digits like the first (a header value), unless this version already has one. */
  async #create(secretId, token) {
    try {
      await this.#value(secretId, 'AWSPENDING', token);
      return 'pending value exists';
    } catch (error) {
      if (error.name !== 'ResourceNotFoundException') throw error;
    }
    const { RandomPassword } = await this.clients.secrets.send(new GetRandomPasswordCommand({ PasswordLength: 48, ExcludePunctuation: true }));
    await this.clients.secrets.send(new PutSecretValueCommand({ SecretId: secretId, ClientRequestToken: token, SecretString: RandomPassword, VersionStages: ['AWSPENDING'] }));
    return 'created';
  }

  /** Each load balancer's header rule accepts the current and the pending value; then CloudFront sends the pending one. */
  async #acceptBoth(secretId, token) {
    const current = await this.#value(secretId, 'AWSCURRENT');
    const pending = await this.#value(secretId, 'AWSPENDING', token);
    for (const lb of this.settings.loadBalancers) await this.#setRuleValues(lb, [current, pending]);
    await this.#setDistributionHeader(pending);
    return 'both accepted; CloudFront sends the new value';
  }

  /** CloudFront's configuration carries the pending value and every rule accepts it. */
  async #test(secretId, token) {
    const pending = await this.#value(secretId, 'AWSPENDING', token);
    for (const lb of this.settings.loadBalancers) {
      const rule = await this.#headerRule(lb);
      if (!rule.values.includes(pending)) throw new Error(`${lb.name} in ${lb.region} does not accept the new value`);
    }
    const { config } = await this.#distribution();
    const sent = config.Origins.Items.flatMap((o) => o.CustomHeaders?.Items ?? []).filter((h) => h.HeaderName === HEADER).map((h) => h.HeaderValue);
    if (sent.length === 0 || sent.some((v) => v !== pending)) throw new Error('CloudFront does not send the new value on every origin');
    return 'tested';
  }

  async #finish(secretId, token, secret) {
    const currentVersion = Object.entries(secret.VersionIdsToStages).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
    await this.clients.secrets.send(new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: currentVersion }));
    return 'finished'; // the rules keep the previous value until the next rotation replaces it
  }

  async #headerRule({ name, region }) {
    const elb = this.clients.elb(region);
    const { LoadBalancers } = await elb.send(new DescribeLoadBalancersCommand({ Names: [name] }));
    const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
    for (const listener of Listeners) {
      const { Rules } = await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }));
      for (const rule of Rules) {
        const condition = rule.Conditions?.find((c) => c.Field === 'http-header' && c.HttpHeaderConfig?.HttpHeaderName === HEADER);
        if (condition) return { elb, rule, condition, values: condition.HttpHeaderConfig.Values };
      }
    }
    throw new Error(`${name} in ${region} has no ${HEADER} rule`);
  }

  async #setRuleValues(lb, values) {
    const { elb, rule, condition, values: now } = await this.#headerRule(lb);
    if (now.length === values.length && values.every((v) => now.includes(v))) return;
    const conditions = rule.Conditions.map((c) => (c === condition
      ? { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: HEADER, Values: values } }
      : { Field: c.Field, ...(c.PathPatternConfig ? { PathPatternConfig: c.PathPatternConfig } : {}), ...(c.HostHeaderConfig ? { HostHeaderConfig: c.HostHeaderConfig } : {}) }));
    await elb.send(new ModifyRuleCommand({ RuleArn: rule.RuleArn, Conditions: conditions }));
  }

  async #distribution() {
    const list = await this.clients.cloudfront.send(new ListDistributionsCommand({}));
    const summary = (list.DistributionList?.Items ?? []).find((d) => d.Comment === this.settings.distributionComment);
    if (!summary) throw new Error(`no distribution with the comment ${this.settings.distributionComment}`);
    const result = await this.clients.cloudfront.send(new GetDistributionConfigCommand({ Id: summary.Id }));
    return { id: summary.Id, etag: result.ETag, config: result.DistributionConfig };
  }

  async #setDistributionHeader(value) {
    const { id, etag, config } = await this.#distribution();
    let changed = false;
    for (const origin of config.Origins.Items) {
      for (const header of origin.CustomHeaders?.Items ?? []) {
        if (header.HeaderName === HEADER && header.HeaderValue !== value) {
          header.HeaderValue = value;
          changed = true;
        }
      }
    }
    if (changed) await this.clients.cloudfront.send(new UpdateDistributionCommand({ Id: id, IfMatch: etag, DistributionConfig: config }));
  }
}
