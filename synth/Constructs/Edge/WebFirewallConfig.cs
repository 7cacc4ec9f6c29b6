namespace StudentRecords.Synth.Constructs.Edge;

/// <param name="RequestsPerFiveMinutes">Per client IP; above it the IP is blocked until it slows down.</param>
public sealed record WebFirewallConfig(string Name, string KmsKeyArn, int LogRetentionDays, int RequestsPerFiveMinutes);
