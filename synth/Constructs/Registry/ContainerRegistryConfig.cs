namespace StudentRecords.Synth.Constructs.Registry;

/// <param name="Name">The same repository name in every region: registry replication keeps names.</param>
/// <param name="ReplicateToRegions">Regions every pushed image is copied to (the primary's standbys).</param>
public sealed record ContainerRegistryConfig(string Name, string KmsKeyArn, int ImagesKept, IReadOnlyList<string> ReplicateToRegions, string AccountId);
