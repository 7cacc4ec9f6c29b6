namespace StudentRecords.Model;

/// <summary>Who is told when an alarm fires.</summary>
public sealed record AlertsSpec(string Email);
