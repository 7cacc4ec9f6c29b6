using System.Globalization;
using System.Text.RegularExpressions;

namespace StudentRecords.Model.Validation;

/// <summary>Aurora MySQL 8.0 settings that AWS accepts, on a class the platform supports and, for a global database, one that can join it.</summary>
internal static partial class DatabaseRules
{
    public static void Check(EnvironmentFile env)
    {
        if (env.Draft.Database is not { } db) return;
        if (!db.EngineVersion.StartsWith("8.0.mysql_aurora.3.", StringComparison.Ordinal))
            env.Report("database.engineVersion", $"'{db.EngineVersion}' is not Aurora MySQL 8.0; use a 8.0.mysql_aurora.3.x version such as 8.0.mysql_aurora.3.08.0");
        if (!AuroraInstanceClasses.MaxConnections.ContainsKey(db.InstanceClass))
            env.Report("database.instanceClass", $"'{db.InstanceClass}' is not an instance class the platform supports; choose one of {string.Join(", ", AuroraInstanceClasses.MaxConnections.Keys)} (to support another, record its max_connections in model/AuroraInstanceClasses.cs and its price in synth/Review/PriceTable.cs)");
        else if (db.Replication == ReplicationMode.Global && !AuroraInstanceClasses.CanJoinGlobalDatabase(db.InstanceClass))
            env.Report("database.instanceClass", $"'{db.InstanceClass}' cannot join an Aurora Global Database: AWS requires memory-optimized classes ({string.Join(", ", AuroraInstanceClasses.MaxConnections.Keys.Where(AuroraInstanceClasses.CanJoinGlobalDatabase))} here); choose one, or replication: binlog");
        if (db.InstanceCount is < 1 or > AwsLimits.AuroraMaxInstances)
            env.Report("database.instanceCount", $"{db.InstanceCount} instances; Aurora runs 1 to {AwsLimits.AuroraMaxInstances} (a writer and up to 15 readers)");
        if (db.RotationDays is < 1 or > 90)
            env.Report("database.rotationDays", $"{db.RotationDays} days; rotate the master password every 1 to 90 days (Security Hub's and Checkov's CKV_AWS_304 limit)");
        if (db.BackupRetentionDays is < 1 or > 35)
            env.Report("database.backupRetentionDays", $"{db.BackupRetentionDays} days; Aurora keeps automated backups for 1 to 35 days");
        CheckWindow(env, db.BackupWindow);
    }

    private static void CheckWindow(EnvironmentFile env, string window)
    {
        var match = Window().Match(window);
        if (!match.Success)
        {
            env.Report("database.backupWindow", $"'{window}' is not a UTC window hh:mm-hh:mm such as 03:00-04:00");
            return;
        }
        var start = TimeOnly.ParseExact(match.Groups[1].Value, "HH:mm", CultureInfo.InvariantCulture);
        var end = TimeOnly.ParseExact(match.Groups[2].Value, "HH:mm", CultureInfo.InvariantCulture);
        var length = end - start; // TimeOnly subtraction wraps past midnight
        if (length < TimeSpan.FromMinutes(30))
            env.Report("database.backupWindow", $"'{window}' lasts {length.TotalMinutes:0} minutes; RDS needs at least 30");
    }

    [GeneratedRegex(@"^((?:[01][0-9]|2[0-3]):[0-5][0-9])-((?:[01][0-9]|2[0-3]):[0-5][0-9])$")]
    private static partial Regex Window();
}
