namespace StudentRecords.Synth.Constructs.Edge;

/// <summary>One environment's load balancer as DNS sees it: its origin name and the ALB it aliases.</summary>
public sealed record RegionalOrigin(string Environment, string OriginName, string AlbDnsName, string AlbZoneId);
