namespace StudentRecords.Synth.Review;

/// <summary>
/// Attributes the AWS provider marks ForceNew for the resource types the platform uses: changing one
/// replaces the resource (an outage or data loss for stateful ones), so the diff flags it.
/// </summary>
public static class ReplacementRules
{
    private static readonly Dictionary<string, string[]> ForceNew = new(StringComparer.Ordinal)
    {
        ["aws_vpc"] = ["cidr_block"],
        ["aws_subnet"] = ["cidr_block", "availability_zone", "vpc_id"],
        ["aws_s3_bucket"] = ["bucket"],
        ["aws_rds_cluster"] = ["cluster_identifier", "engine", "kms_key_id", "storage_encrypted", "database_name", "master_username", "db_subnet_group_name", "availability_zones"],
        ["aws_rds_cluster_instance"] = ["identifier", "engine", "cluster_identifier"],
        ["aws_rds_global_cluster"] = ["global_cluster_identifier", "engine", "storage_encrypted"],
        ["aws_rds_cluster_parameter_group"] = ["name", "family"],
        ["aws_db_subnet_group"] = ["name"],
        ["aws_lb"] = ["name", "internal", "load_balancer_type"],
        ["aws_lb_target_group"] = ["name", "port", "protocol", "target_type", "vpc_id"],
        ["aws_ecr_repository"] = ["name"],
        ["aws_ecs_cluster"] = ["name"],
        ["aws_ecs_service"] = ["name", "cluster", "launch_type"],
        ["aws_dynamodb_table"] = ["name", "hash_key"],
        ["aws_kms_alias"] = ["name"],
        ["aws_security_group"] = ["name", "description", "vpc_id"],
        ["aws_iam_role"] = ["name"],
        ["aws_cloudwatch_log_group"] = ["name"],
        ["aws_secretsmanager_secret"] = ["name"],
        ["aws_ssm_parameter"] = ["name"],
        ["aws_backup_vault"] = ["name"],
        ["aws_nat_gateway"] = ["subnet_id", "allocation_id"],
        ["aws_vpc_endpoint"] = ["service_name", "vpc_endpoint_type", "vpc_id"],
        ["aws_acm_certificate"] = ["domain_name", "subject_alternative_names"],
    };

    public static bool ForcesReplacement(string type, string path) =>
        ForceNew.TryGetValue(type, out var attributes) && attributes.Contains(path.Split('.', '[')[0]);
}
