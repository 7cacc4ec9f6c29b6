using System.Text.RegularExpressions;
using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>Names that become AWS resource names, and the alert address.</summary>
internal static partial class PlatformRules
{
    /// <summary>Room left in a 63-character bucket name for the longest suffix the stacks add ("-replica").</summary>
    private const int BucketNameMax = 63 - 8;

    public static void Check(PlatformSpec platform, string file, Problems problems)
    {
        if (!Project().IsMatch(platform.Project))
            problems.Add(file, "project", $"'{platform.Project}' must be 3-24 lowercase letters, digits and hyphens, starting with a letter: it prefixes every resource name");
        if (!Bucket().IsMatch(platform.State.Bucket) || platform.State.Bucket.Length > BucketNameMax)
            problems.Add(file, "state.bucket", $"'{platform.State.Bucket}' is not a usable S3 bucket name: 3-{BucketNameMax} lowercase letters, digits and hyphens, starting and ending with a letter or digit");
        if (!Table().IsMatch(platform.State.LockTable))
            problems.Add(file, "state.lockTable", $"'{platform.State.LockTable}' is not a DynamoDB table name: 3-255 letters, digits, _ . -");
        if (platform.State.NoncurrentVersionDays < 1)
            problems.Add(file, "state.noncurrentVersionDays", $"{platform.State.NoncurrentVersionDays} would delete old state versions at once; keep them 1 day or more");
        if (!Email().IsMatch(platform.Alerts.Email))
            problems.Add(file, "alerts.email", $"'{platform.Alerts.Email}' is not an e-mail address");
        if (platform.Domain is { } domain && !Domain().IsMatch(domain.Name))
            problems.Add(file, "domain.name", $"'{domain.Name}' is not a DNS name such as records.example.org");
        TagRules.Check(file, "tags", platform.Tags, TagRules.PlatformTags.Count, problems);
        CheckAlarms(platform.Alarms, file, problems);
        CheckRecovery(platform.Recovery, file, problems);
        CheckObjectives(platform, file, problems);
        if (platform.Cost.MonthlyBudgetUsd < 1)
            problems.Add(file, "cost.monthlyBudgetUsd", $"${platform.Cost.MonthlyBudgetUsd}; a budget is $1 or more");
        if (platform.Cost.AlertAboveUsd < platform.Cost.MonthlyBudgetUsd)
            problems.Add(file, "cost.alertAboveUsd", $"${platform.Cost.AlertAboveUsd} is below the ${platform.Cost.MonthlyBudgetUsd} budget: the forecast alert already covers it; use the budget or more");
        if (platform.Auth is { } auth) AuthRules.Check(auth, file, problems);
    }

    private static void CheckAlarms(AlarmsSpec alarms, string file, Problems problems)
    {
        foreach (var (key, value) in new (string, int)[] { ("serviceCpuPercent", alarms.ServiceCpuPercent), ("serviceMemoryPercent", alarms.ServiceMemoryPercent), ("databaseCpuPercent", alarms.DatabaseCpuPercent), ("connectionsPercent", alarms.ConnectionsPercent) })
            if (value is < 1 or > 100) problems.Add(file, $"alarms.{key}", $"{value}% is not a percentage; use 1 to 100");
        foreach (var (key, value) in new (string, int)[] { ("alb5xxPerMinute", alarms.Alb5xxPerMinute), ("unhealthyHosts", alarms.UnhealthyHosts), ("replicationLagSeconds", alarms.ReplicationLagSeconds), ("freeLocalStorageGb", alarms.FreeLocalStorageGb), ("failedSignInsPerHour", alarms.FailedSignInsPerHour) })
            if (value < 1) problems.Add(file, $"alarms.{key}", $"{value} would alarm all the time or never; use 1 or more");
        if (alarms.ResponseTimeSeconds is <= 0 or > 60)
            problems.Add(file, "alarms.responseTimeSeconds", $"{alarms.ResponseTimeSeconds} s; use more than 0 and at most 60 (the ALB's idle timeout)");
    }

    private static void CheckRecovery(RecoverySpec recovery, string file, Problems problems)
    {
        // Step Functions' Wait state and the 25,000-event history of a Standard execution bound the loops.
        if (recovery.PollSeconds is < 5 or > 300)
            problems.Add(file, "recovery.pollSeconds", $"{recovery.PollSeconds} s; use 5 to 300");
        foreach (var (key, minutes) in new (string, int)[] { ("promotionWaitMinutes", recovery.PromotionWaitMinutes), ("serviceWaitMinutes", recovery.ServiceWaitMinutes), ("approvalWaitMinutes", recovery.ApprovalWaitMinutes) })
            if (minutes is < 1 or > 24 * 60)
                problems.Add(file, $"recovery.{key}", $"{minutes} min; use 1 to 1440 (a day)");
    }

    /// <summary>The recovery time and data loss the model implies must fit its objectives; the message shows the budget line by line.</summary>
    private static void CheckObjectives(PlatformSpec platform, string file, Problems problems)
    {
        var recovery = platform.Recovery;
        if (recovery.RtoMinutes < 1 || recovery.RpoMinutes < 1)
        {
            if (recovery.RtoMinutes < 1) problems.Add(file, "recovery.rtoMinutes", $"{recovery.RtoMinutes} min; an objective is 1 minute or more");
            if (recovery.RpoMinutes < 1) problems.Add(file, "recovery.rpoMinutes", $"{recovery.RpoMinutes} min; an objective is 1 minute or more");
            return;
        }
        var budget = RecoveryBudget.For(platform);
        if (!budget.MeetsRto)
            problems.Add(file, "recovery.rtoMinutes",
                $"the model recovers in up to {budget.RecoverySeconds} s, more than the {recovery.RtoMinutes} min objective:\n{RecoveryBudget.Describe(budget.RecoveryLines)}\n" +
                "shorten a wait (recovery.*WaitMinutes) or raise the objective");
        if (!budget.MeetsRpo)
            problems.Add(file, "recovery.rpoMinutes",
                $"the model may lose up to {budget.DataLossSeconds} s of writes, more than the {recovery.RpoMinutes} min objective:\n{RecoveryBudget.Describe(budget.DataLossLines)}\n" +
                "lower alarms.replicationLagSeconds or raise the objective");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$")]
    private static partial Regex Project();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$")]
    private static partial Regex Table();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex Domain();
}
