namespace StudentRecords.Model;

/// <summary>Task-count bounds and the average CPU (percent) the service is scaled to hold.</summary>
public sealed record AutoscalingSpec(int Min, int Max, int CpuTarget);
