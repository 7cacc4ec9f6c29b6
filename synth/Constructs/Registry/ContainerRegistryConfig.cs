namespace StudentRecords.Synth.Constructs.Registry;

public sealed record ContainerRegistryConfig
{
    /// <summary>The same repository name in every region: registry replication keeps names.</summary>
    public required string Name { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int ImagesKept { get; init; }

    /// <summary>Regions every pushed image is copied to (the primary's standbys).</summary>
    public required IReadOnlyList<string> ReplicateToRegions { get; init; }

    public required string AccountId { get; init; }
}
