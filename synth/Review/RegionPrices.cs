namespace StudentRecords.Synth.Review;

/// <summary>On-demand list prices of one region, in US dollars.</summary>
public sealed record RegionPrices(
    decimal FargateVcpuHour,
    decimal FargateGbHour,
    decimal NatGatewayHour,
    decimal NatGatewayGb,
    decimal AlbHour,
    decimal AlbLcuHour,
    IReadOnlyDictionary<string, decimal> AuroraInstanceHour,
    decimal AuroraStorageGbMonth,
    decimal AuroraIoMillion,
    decimal InterfaceEndpointHour,
    decimal CloudWatchLogsIngestGb,
    decimal S3StandardGbMonth,
    decimal KmsKeyMonth,
    decimal SecretMonth);
