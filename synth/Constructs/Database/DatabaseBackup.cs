using Constructs;
using HashiCorp.Cdktf.Providers.Aws.BackupPlan;
using HashiCorp.Cdktf.Providers.Aws.BackupSelection;
using HashiCorp.Cdktf.Providers.Aws.BackupVault;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Database;

/// <summary>
/// AWS Backup beside Aurora's own backups: a daily snapshot of the cluster, copied to the standby
/// region's vault, so a restore is possible even if the replica is lost with the primary.
/// </summary>
public sealed class DatabaseBackup : Construct
{
    public DatabaseBackup(Construct scope, string id, DatabaseBackupConfig config) : base(scope, id)
    {
        var vault = new BackupVault(this, "vault", new BackupVaultConfig { Name = config.Name, KmsKeyArn = config.KmsKeyArn });
        VaultName = vault.Name;
        if (config.ClusterArn is null) return;

        var plan = new BackupPlan(this, "plan", new BackupPlanConfig
        {
            Name = config.Name,
            Rule = new[]
            {
                new BackupPlanRule
                {
                    RuleName = "daily-with-copy",
                    TargetVaultName = vault.Name,
                    Schedule = "cron(0 5 * * ? *)", // 05:00 UTC, after the 03:00 automated backup window
                    Lifecycle = new BackupPlanRuleLifecycle { DeleteAfter = config.RetentionDays },
                    CopyAction = config.CopyToVaultArns.Select(arn => new BackupPlanRuleCopyAction
                    {
                        DestinationVaultArn = arn,
                        Lifecycle = new BackupPlanRuleCopyActionLifecycle { DeleteAfter = config.RetentionDays },
                    }).ToArray(),
                },
            },
        });
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-role",
            Service = "backup.amazonaws.com",
            Statements = [],
            ManagedPolicyArns = [$"arn:{config.Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"]
        });
        new BackupSelection(this, "selection", new BackupSelectionConfig
        {
            Name = "aurora",
            PlanId = plan.Id,
            IamRoleArn = role.Arn,
            Resources = [config.ClusterArn],
        });
    }

    public string VaultName { get; }
}
