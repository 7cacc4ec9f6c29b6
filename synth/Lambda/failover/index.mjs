// Lambda entry point (Node.js runtime; its AWS SDK v3 is built in, nothing is bundled).
// Event: { "action": "readiness" | "failover" | "failback", "primaryReachable": false }
import { ECSClient } from '@aws-sdk/client-ecs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SNSClient } from '@aws-sdk/client-sns';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Orchestrator, settingsFrom } from './orchestrator.mjs';

export async function handler(event) {
  const settings = settingsFrom(process.env);
  const region = settings.standbyRegion;
  const orchestrator = new Orchestrator({
    settings,
    clients: {
      ecs: new ECSClient({ region }), ecr: new ECRClient({ region }), cloudwatch: new CloudWatchClient({ region }), autoscaling: new ApplicationAutoScalingClient({ region }), rds: new RDSClient({ region }),
      ssm: new SSMClient({ region }), sns: new SNSClient({ region }), elb: new ElasticLoadBalancingV2Client({ region }),
    },
  });
  switch (event?.action) {
    case 'readiness': return orchestrator.readiness();
    case 'failover': return orchestrator.failover({ primaryReachable: event.primaryReachable === true });
    case 'failback': return orchestrator.failback();
    default: throw new Error(`unknown action ${JSON.stringify(event?.action)}: use readiness, failover or failback`);
  }
}
