namespace StudentRecords.Synth.Review;

/// <summary>On-demand list prices of one region, in US dollars.</summary>
public sealed record RegionPrices
{
    public required decimal FargateVcpuHour { get; init; }

    public required decimal FargateGbHour { get; init; }

    public required decimal NatGatewayHour { get; init; }

    public required decimal NatGatewayGb { get; init; }

    public required decimal AlbHour { get; init; }

    public required decimal AlbLcuHour { get; init; }

    public required IReadOnlyDictionary<string, decimal> AuroraInstanceHour { get; init; }

    public required decimal AuroraStorageGbMonth { get; init; }

    public required decimal AuroraIoMillion { get; init; }

    public required decimal InterfaceEndpointHour { get; init; }

    public required decimal CloudWatchLogsIngestGb { get; init; }

    public required decimal S3StandardGbMonth { get; init; }

    public required decimal KmsKeyMonth { get; init; }

    public required decimal SecretMonth { get; init; }
}
