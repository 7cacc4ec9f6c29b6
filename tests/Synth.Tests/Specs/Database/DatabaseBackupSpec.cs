using StudentRecords.Synth.Constructs.Database;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>DatabaseBackup promises an encrypted vault everywhere and, where there is a cluster, a daily backup of it copied to every standby vault and kept for the given days.</summary>
public sealed class DatabaseBackupSpec
{
    private const string ClusterArn = "arn:aws:rds:eu-central-1:111122223333:cluster:spec-db";

    private static readonly DatabaseBackupConfig Primary = new()
    {
        Name = "spec-backup",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        ClusterArn = ClusterArn,
        CopyToVaultArns = ["arn:aws:backup:eu-west-1:111122223333:backup-vault:spec-dr", "arn:aws:backup:eu-north-1:111122223333:backup-vault:spec-dr2"],
        RetentionDays = 35,
        Partition = "aws",
    };

    private static TerraformJson Backup(DatabaseBackupConfig config) =>
        ConstructSpec.Synth(stack => new DatabaseBackup(stack, "backup", config));

    [Fact]
    public void The_vault_is_encrypted_with_the_given_key()
    {
        var vault = Backup(Primary).Resource("aws_backup_vault");
        Assert.Equal("spec-backup", (string?)vault["name"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)vault["kms_key_arn"]);
    }

    [Fact]
    public void Without_a_cluster_only_the_vault_is_kept_for_the_copies()
    {
        var standby = Backup(Primary with { ClusterArn = null, CopyToVaultArns = [] });
        Assert.Single(standby.Resources("aws_backup_vault"));
        foreach (var type in new[] { "aws_backup_plan", "aws_backup_selection", "aws_iam_role" })
            Assert.Empty(standby.Resources(type));
    }

    [Fact]
    public void Backs_up_daily_into_the_vault_and_copies_to_every_standby_vault_for_the_retention_days()
    {
        var stack = Backup(Primary with { RetentionDays = 9 });
        var rule = Assert.Single(stack.Resource("aws_backup_plan")["rule"]!.AsArray())!;
        Assert.Equal("cron(0 5 * * ? *)", (string?)rule["schedule"]);
        Assert.Equal(stack.ReferenceTo("aws_backup_vault", stack.Resource("aws_backup_vault"), "name"), (string?)rule["target_vault_name"]);
        Assert.Equal(9, (int)rule["lifecycle"]!["delete_after"]!);
        var copies = rule["copy_action"]!.AsArray();
        Assert.Equal(Primary.CopyToVaultArns, copies.Select(c => (string)c!["destination_vault_arn"]!));
        Assert.All(copies, copy => Assert.Equal(9, (int)copy!["lifecycle"]!["delete_after"]!));
    }

    [Fact]
    public void Selects_only_the_cluster_through_a_role_only_aws_backup_assumes()
    {
        var stack = Backup(Primary with { Partition = "aws-us-gov" });
        var selection = stack.Resource("aws_backup_selection");
        Assert.Equal([ClusterArn], selection["resources"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(stack.ReferenceTo("aws_backup_plan", stack.Resource("aws_backup_plan"), "id"), (string?)selection["plan_id"]);
        var role = (string)selection["iam_role_arn"]!;
        Assert.Equal(["backup.amazonaws.com"], SpecInputs.TrustedServices(stack, role));
        Assert.Equal(["arn:aws-us-gov:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"], SpecInputs.ManagedPolicies(stack, role));
    }
}
