namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>Aurora MySQL's default max_connections per instance class (from its memory-based formula).</summary>
public static class AuroraLimits
{
    private static readonly Dictionary<string, int> MaxConnections = new(StringComparer.Ordinal)
    {
        ["db.t3.medium"] = 90, ["db.t4g.medium"] = 90, ["db.t3.large"] = 135, ["db.t4g.large"] = 135,
        ["db.r5.large"] = 1000, ["db.r6g.large"] = 1000, ["db.r6i.large"] = 1000, ["db.r7g.large"] = 1000, ["db.r7i.large"] = 1000,
        ["db.r5.xlarge"] = 2000, ["db.r6g.xlarge"] = 2000, ["db.r7g.xlarge"] = 2000, ["db.x2g.large"] = 2000,
    };

    public static int MaxConnectionsOf(string instanceClass) =>
        MaxConnections.TryGetValue(instanceClass, out var max)
            ? max
            : throw new InvalidOperationException($"no max_connections recorded for {instanceClass}; add it to {nameof(AuroraLimits)} (AWS: Aurora MySQL connection limits)");
}
