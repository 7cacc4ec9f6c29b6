namespace StudentRecords.Model;

/// <summary>
/// The Aurora MySQL instance classes the platform supports, each with its default max_connections (AWS's
/// memory-based formula; "Maximum connections to an Aurora MySQL DB instance"). The connections alarm is
/// set from it, and the cost estimate prices it, so a class is supported once both are recorded (a test
/// keeps synth/Review/PriceTable.cs in step). Serverless v2 is not: it needs a capacity range.
/// </summary>
public static class AuroraInstanceClasses
{
    public static readonly IReadOnlyDictionary<string, int> MaxConnections = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["db.t3.medium"] = 90,
        ["db.t4g.medium"] = 90,
        ["db.t3.large"] = 135,
        ["db.t4g.large"] = 135,
        ["db.r5.large"] = 1000,
        ["db.r6g.large"] = 1000,
        ["db.r7g.large"] = 1000,
        ["db.r6g.xlarge"] = 2000,
    };

    /// <summary>Whether AWS lets the class join an Aurora Global Database (memory-optimized: db.r5 and newer).</summary>
    public static bool CanJoinGlobalDatabase(string instanceClass) => instanceClass.StartsWith("db.r", StringComparison.Ordinal);
}
