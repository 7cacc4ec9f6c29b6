// Lambda entry points (Node.js runtime; its AWS SDK v3 is built in, nothing is bundled).
// readiness: the daily schedule and the dr-failover workflow; drillReport: every finished failover or failback.
import { ECSClient } from '@aws-sdk/client-ecs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { S3Client } from '@aws-sdk/client-s3';
import * as readinessModule from './readiness.mjs';
import * as drillModule from './drill-report.mjs';

/** The readiness report, also published as metrics. */
export async function readiness() {
  const check = new readinessModule.Readiness({
    settings: readinessModule.settingsFrom(process.env),
    clients: {
      ecs: new ECSClient({}), ecr: new ECRClient({}), cloudwatch: new CloudWatchClient({}), rds: new RDSClient({}),
      ssm: new SSMClient({}), elb: new ElasticLoadBalancingV2Client({}),
    },
  });
  return check.reportAndPublish();
}

/** Event: EventBridge's "Step Functions Execution Status Change" for a finished execution. */
export async function drillReport(event) {
  const executionArn = event?.detail?.executionArn;
  if (!executionArn) throw new Error('expected a Step Functions Execution Status Change event with detail.executionArn');
  const report = new drillModule.DrillReport({
    settings: drillModule.settingsFrom(process.env),
    clients: { sfn: new SFNClient({}), s3: new S3Client({}), ssm: new SSMClient({}) },
  });
  return report.record(executionArn);
}
