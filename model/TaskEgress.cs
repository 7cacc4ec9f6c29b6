namespace StudentRecords.Model;

/// <summary>
/// How tasks in the environment reach ECR, CloudWatch Logs and Secrets Manager: through the NAT
/// gateways, through interface VPC endpoints (pilot light without NAT), or from public subnets with
/// public IPs (cheapest, but the tasks are addressable from the internet; their security group still
/// admits only the load balancer).
/// </summary>
public enum TaskEgress
{
    Nat,
    VpcEndpoints,
    PublicIp,
}
