namespace StudentRecords.Model.Loading;

/// <summary>Maps an environment file (production.yaml, dr.yaml) onto an <see cref="EnvironmentDraft"/>.</summary>
internal static class EnvironmentReader
{
    public static EnvironmentDraft Read(string name, MappingReader root)
    {
        var role = root.Enum<EnvironmentRole>("role");
        var region = root.String("region");
        var zones = root.StringList("availabilityZones");
        var network = root.Mapping("network") is { } n ? ReadNetwork(n) : null;
        var database = root.Mapping("database") is { } d ? ReadDatabase(d) : null;
        var service = root.Mapping("service") is { } s ? ReadService(s) : null;
        var storage = root.Mapping("storage") is { } st ? ReadStorage(st) : null;
        var tags = root.StringMap("tags");
        root.RejectUnknownKeys();
        return new EnvironmentDraft
        {
            Name = name,
            Role = role,
            Region = region,
            AvailabilityZones = zones,
            Network = network,
            Database = database,
            Service = service,
            Storage = storage,
            Tags = tags
        };
    }

    private static NetworkSpec? ReadNetwork(MappingReader r)
    {
        var vpc = r.String("vpcCidr");
        var publicSubnets = r.StringList("publicSubnets");
        var privateSubnets = r.StringList("privateSubnets");
        var nat = r.Enum<NatMode>("natGateways");
        var egress = r.Enum<TaskEgress>("taskEgress");
        var flowLogs = r.Bool("flowLogs");
        var peer = r.Bool("peerWithPrimary");
        r.RejectUnknownKeys();
        return vpc is null || publicSubnets is null || privateSubnets is null || nat is null || egress is null || flowLogs is null || peer is null
            ? null
            : new NetworkSpec
            {
                VpcCidr = vpc,
                PublicSubnets = publicSubnets,
                PrivateSubnets = privateSubnets,
                NatGateways = nat.Value,
                TaskEgress = egress.Value,
                FlowLogs = flowLogs.Value,
                PeerWithPrimary = peer.Value
            };
    }

    private static DatabaseSpec? ReadDatabase(MappingReader r)
    {
        var engine = r.String("engineVersion");
        var instanceClass = r.String("instanceClass");
        var count = r.Int("instanceCount");
        var replication = r.Enum<ReplicationMode>("replication");
        var retention = r.Int("backupRetentionDays");
        var window = r.String("backupWindow");
        var rotation = r.Int("rotationDays", fallback: DatabaseSpec.DefaultRotationDays);
        r.RejectUnknownKeys();
        return engine is null || instanceClass is null || count is null || replication is null || retention is null || window is null || rotation is null
            ? null
            : new DatabaseSpec
            {
                EngineVersion = engine,
                InstanceClass = instanceClass,
                InstanceCount = count.Value,
                Replication = replication.Value,
                BackupRetentionDays = retention.Value,
                BackupWindow = window,
                RotationDays = rotation.Value
            };
    }

    private static ServiceSpec? ReadService(MappingReader r)
    {
        var cpu = r.Int("cpu");
        var memory = r.Int("memory");
        var desired = r.Int("desiredCount");
        var autoscaling = r.Mapping("autoscaling") is { } a ? ReadAutoscaling(a) : null;
        var port = r.Int("containerPort");
        var health = r.String("healthCheckPath");
        r.RejectUnknownKeys();
        return cpu is null || memory is null || desired is null || autoscaling is null || port is null || health is null
            ? null
            : new ServiceSpec(cpu.Value, memory.Value, desired.Value, autoscaling, port.Value, health);
    }

    private static AutoscalingSpec? ReadAutoscaling(MappingReader r)
    {
        var min = r.Int("min");
        var max = r.Int("max");
        var target = r.Int("cpuTarget");
        r.RejectUnknownKeys();
        return min is null || max is null || target is null ? null : new AutoscalingSpec(min.Value, max.Value, target.Value);
    }

    private static StorageSpec? ReadStorage(MappingReader r)
    {
        var logDays = r.Int("logRetentionDays");
        var versionDays = r.Int("noncurrentVersionDays");
        var imagesKept = r.Int("imagesKept");
        r.RejectUnknownKeys();
        return logDays is null || versionDays is null || imagesKept is null ? null : new StorageSpec(logDays.Value, versionDays.Value, imagesKept.Value);
    }
}
