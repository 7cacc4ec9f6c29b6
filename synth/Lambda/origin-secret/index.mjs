// Lambda entry point for Secrets Manager's rotation of the origin header's value (rotation.mjs).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { OriginSecretRotation, settingsFrom } from './rotation.mjs';

const elbByRegion = new Map();

export async function handler(event) {
  const rotation = new OriginSecretRotation({
    settings: settingsFrom(process.env),
    clients: {
      secrets: new SecretsManagerClient({}),
      cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
      elb: (region) => elbByRegion.get(region) ?? elbByRegion.set(region, new ElasticLoadBalancingV2Client({ region })).get(region),
    },
  });
  return rotation.run(event);
}
