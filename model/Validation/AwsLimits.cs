namespace StudentRecords.Model.Validation;

/// <summary>Facts about AWS that the model is checked against, each as AWS documents it.</summary>
internal static class AwsLimits
{
    /// <summary>Commercial, GovCloud and China regions (2026).</summary>
    public static readonly IReadOnlySet<string> Regions = new SortedSet<string>(StringComparer.Ordinal)
    {
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1",
        "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
        "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
        "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
    };

    /// <summary>Fargate's CPU units and the memory sizes (MiB) each accepts (ECS task size table).</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<int>> FargateMemoryByCpu = new SortedDictionary<int, IReadOnlyList<int>>
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096),
        [16384] = Steps(32768, 122880, 8192),
    };

    /// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
    public static readonly IReadOnlyList<int> LogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public const int TagKeyMaxLength = 128;
    public const int TagValueMaxLength = 256;
    public const int TagsPerResource = 50;

    /// <summary>Aurora's writer plus at most 15 readers.</summary>
    public const int AuroraMaxInstances = 16;

    private static int[] Steps(int from, int to, int step) =>
        [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step))];
}
