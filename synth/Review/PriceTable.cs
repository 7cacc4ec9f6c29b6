namespace StudentRecords.Synth.Review;

/// <summary>
/// The committed price table the cost estimate uses: AWS on-demand list prices as recorded on
/// <see cref="Dated"/> (USD, Linux, no free tier, no savings plans). Check them against the AWS pricing
/// pages before relying on a figure, and update the date with them.
/// </summary>
public static class PriceTable
{
    public const string Dated = "2026-11-26";
    public const decimal HoursPerMonth = 730;

    public static readonly IReadOnlyDictionary<string, RegionPrices> Regions = new Dictionary<string, RegionPrices>
    {
        ["eu-central-1"] = new()
        {
            FargateVcpuHour = 0.04656m,
            FargateGbHour = 0.00511m,
            NatGatewayHour = 0.052m,
            NatGatewayGb = 0.052m,
            AlbHour = 0.027m,
            AlbLcuHour = 0.008m,
            AuroraInstanceHour = new Dictionary<string, decimal>
            {
                ["db.t3.medium"] = 0.094m,
                ["db.t3.large"] = 0.188m,
                ["db.t4g.medium"] = 0.091m,
                ["db.t4g.large"] = 0.182m,
                ["db.r6g.large"] = 0.310m,
                ["db.r6g.xlarge"] = 0.620m,
                ["db.r7g.large"] = 0.329m,
                ["db.r5.large"] = 0.350m,
            },
            AuroraStorageGbMonth = 0.11m,
            AuroraIoMillion = 0.22m,
            InterfaceEndpointHour = 0.012m,
            CloudWatchLogsIngestGb = 0.63m,
            S3StandardGbMonth = 0.0245m,
            KmsKeyMonth = 1m,
            SecretMonth = 0.40m
        },
        ["eu-west-1"] = new()
        {
            FargateVcpuHour = 0.04048m,
            FargateGbHour = 0.004445m,
            NatGatewayHour = 0.048m,
            NatGatewayGb = 0.048m,
            AlbHour = 0.0252m,
            AlbLcuHour = 0.008m,
            AuroraInstanceHour = new Dictionary<string, decimal>
            {
                ["db.t3.medium"] = 0.088m,
                ["db.t3.large"] = 0.176m,
                ["db.t4g.medium"] = 0.085m,
                ["db.t4g.large"] = 0.170m,
                ["db.r6g.large"] = 0.290m,
                ["db.r6g.xlarge"] = 0.580m,
                ["db.r7g.large"] = 0.308m,
                ["db.r5.large"] = 0.320m,
            },
            AuroraStorageGbMonth = 0.11m,
            AuroraIoMillion = 0.22m,
            InterfaceEndpointHour = 0.011m,
            CloudWatchLogsIngestGb = 0.57m,
            S3StandardGbMonth = 0.023m,
            KmsKeyMonth = 1m,
            SecretMonth = 0.40m
        },
    };

    // Global services.
    public const decimal CloudFrontGbEurope = 0.085m;
    public const decimal CloudFrontHttpsPer10k = 0.012m;
    public const decimal WafWebAclMonth = 5m;
    public const decimal WafRuleMonth = 1m;
    public const decimal WafRequestsMillion = 0.60m;
    public const decimal Route53ZoneMonth = 0.50m;
    public const decimal Route53HttpsHealthCheckMonth = 0.75m; // non-AWS endpoint, HTTPS, fast interval adds more
}
