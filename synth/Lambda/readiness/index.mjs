// Lambda entry point (Node.js runtime; its AWS SDK v3 is built in, nothing is bundled). Returns the
// readiness report and publishes its metrics; the daily schedule and the dr-failover workflow invoke it.
import { ECSClient } from '@aws-sdk/client-ecs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Readiness, settingsFrom } from './readiness.mjs';

export async function handler() {
  const readiness = new Readiness({
    settings: settingsFrom(process.env),
    clients: {
      ecs: new ECSClient({}), ecr: new ECRClient({}), cloudwatch: new CloudWatchClient({}), rds: new RDSClient({}),
      ssm: new SSMClient({}), elb: new ElasticLoadBalancingV2Client({}),
    },
  });
  return readiness.reportAndPublish();
}
