using StudentRecords.Synth.Constructs.Database;
using StudentRecords.Synth.Constructs.Service;

namespace StudentRecords.Synth.Stacks;

/// <summary>The environment's cluster and how the service connects to it.</summary>
public sealed record RegionalDatabase(AuroraCluster Cluster, DatabaseConnection Connection);
