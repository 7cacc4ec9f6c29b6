namespace StudentRecords.Model;

/// <summary>
/// The seed's security layer, each switchable because many organisations run it centrally: a
/// multi-region CloudTrail trail (from the primary), GuardDuty, Security Hub (AWS Foundational Security
/// Best Practices) and an AWS Config recorder in every regional environment.
/// </summary>
public sealed record AuditSpec(bool CloudTrail, bool GuardDuty, bool SecurityHub, bool Config);
