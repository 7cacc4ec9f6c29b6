using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Review;

/// <summary>Reads the facts a reviewer checks out of a synthesized stack, resolving references to names.</summary>
internal sealed class StackReader(JsonObject root)
{
    private IEnumerable<JsonObject> All(string type) =>
        root["resource"]?[type] is JsonObject byName ? byName.Select(p => p.Value!.AsObject()) : [];

    private JsonObject? One(string type) => All(type).FirstOrDefault();

    private JsonObject? Resolve(string? reference)
    {
        if (reference is null || !reference.StartsWith("${", StringComparison.Ordinal)) return null;
        var parts = reference[2..^1].Split('.');
        return parts[0] == "data" ? root["data"]?[parts[1]]?[parts[2]]?.AsObject() : root["resource"]?[parts[0]]?[parts[1]]?.AsObject();
    }

    public int Count(string block) => root[block] is JsonObject types ? types.Sum(t => t.Value!.AsObject().Count) : 0;

    public IReadOnlyList<object> Counts() =>
        [.. (root["resource"] as JsonObject ?? []).Select(t => (object)new { Type = t.Key, Count = t.Value!.AsObject().Count })];

    public object? Network()
    {
        if (One("aws_vpc") is not { } vpc) return null;
        return new
        {
            Vpc = (string?)vpc["cidr_block"],
            Subnets = All("aws_subnet")
                .Select(s => new { Tier = (string?)s["tags"]?["Tier"], Zone = (string?)s["availability_zone"], Cidr = (string?)s["cidr_block"] })
                .OrderBy(s => s.Tier, StringComparer.Ordinal).ThenBy(s => s.Zone, StringComparer.Ordinal).ToList(),
            NatGateways = All("aws_nat_gateway").Count(),
            Endpoints = All("aws_vpc_endpoint").Select(e => ((string)e["service_name"]!).Split('.', 4)[^1]).Order(StringComparer.Ordinal).ToList(),
        };
    }

    public object? Service()
    {
        if (One("aws_ecs_service") is not { } service) return null;
        var scaling = One("aws_appautoscaling_target");
        var task = One("aws_ecs_task_definition");
        return new
        {
            Desired = (int?)service["desired_count"],
            Min = (int?)scaling?["min_capacity"],
            Max = (int?)scaling?["max_capacity"],
            Cpu = (string?)task?["cpu"],
            Memory = (string?)task?["memory"],
            PublicIp = (bool?)service["network_configuration"]?["assign_public_ip"] == true ? "yes" : "no",
        };
    }

    public object? Database()
    {
        if (One("aws_rds_cluster") is not { } cluster) return null;
        var instances = All("aws_rds_cluster_instance").ToList();
        var replication = cluster["replication_source_identifier"] is JsonValue source
            ? $"binlog replica of {((string)source!).Split(":cluster:")[^1]} in {(string?)cluster["source_region"]}"
            : cluster["global_cluster_identifier"] is JsonValue global
                ? $"member of global database {Display((string)global!)}"
                : "writer, no replication";
        return new
        {
            Engine = $"{cluster["engine"]} {cluster["engine_version"]}",
            Count = instances.Count,
            Class = string.Join(", ", instances.Select(i => (string?)i["instance_class"]).Distinct()),
            Replication = replication,
            Retention = (int?)cluster["backup_retention_period"],
            Window = (string?)cluster["preferred_backup_window"],
            DeletionProtection = (bool?)cluster["deletion_protection"] == true ? "on" : "OFF",
        };
    }

    public object? Edge()
    {
        if (One("aws_cloudfront_distribution") is not { } cdn) return null;
        var group = cdn["origin_group"]?[0];
        return new
        {
            Names = cdn["aliases"] is JsonArray aliases ? string.Join(", ", aliases.Select(a => (string?)a)) : "CloudFront's own name",
            Origins = string.Join(" → ", group?["member"]?.AsArray().Select(m => (string?)m!["origin_id"]) ?? []),
            FailoverOn = string.Join(", ", group?["failover_criteria"]?["status_codes"]?.AsArray().Select(c => c!.ToString()) ?? []),
            Forms = string.Join(", ", cdn["ordered_cache_behavior"]?.AsArray().Select(b => $"{b!["path_pattern"]} → {b["target_origin_id"]}") ?? []),
            Tls = (string?)cdn["viewer_certificate"]?["minimum_protocol_version"] ?? "CloudFront default certificate",
            Waf = string.Join(", ", One("aws_wafv2_web_acl")?["rule"]?.AsArray().Select(r => (string?)r!["name"]) ?? []),
            HealthChecks = string.Join(", ", All("aws_route53_health_check").Select(c => $"{c["fqdn"]}{c["resource_path"]}")),
        };
    }

    public IReadOnlyList<object> Exposure() =>
        [.. All("aws_vpc_security_group_ingress_rule")
            .Select(r => new
            {
                To = GroupName((string?)r["security_group_id"]),
                Port = r["from_port"]?.ToString() == r["to_port"]?.ToString() ? r["from_port"]?.ToString() : $"{r["from_port"]}-{r["to_port"]}",
                From = r["referenced_security_group_id"] is JsonValue g ? GroupName((string)g!)
                    : r["prefix_list_id"] is JsonValue list ? $"prefix list {Resolve((string)list!)?["name"]}"
                    : (string?)r["cidr_ipv4"] ?? "?",
            })
            .OrderBy(r => r.To, StringComparer.Ordinal).ThenBy(r => r.Port, StringComparer.Ordinal)];

    public IReadOnlyList<object> Encryption()
    {
        var stores = new List<(string Name, string Encryption)>();
        foreach (var sse in All("aws_s3_bucket_server_side_encryption_configuration"))
        {
            var rule = sse["rule"]![0]!["apply_server_side_encryption_by_default"]!;
            stores.Add(($"S3 {Resolve((string?)sse["bucket"])?["bucket"]}", (string?)rule["sse_algorithm"] == "aws:kms" ? $"KMS {KeyName((string?)rule["kms_master_key_id"])}" : "SSE-S3 (AWS log delivery requires it)"));
        }
        foreach (var c in All("aws_rds_cluster")) stores.Add(($"Aurora {c["cluster_identifier"]}", (bool?)c["storage_encrypted"] == true ? $"KMS {KeyName((string?)c["kms_key_id"])}" : "NONE"));
        foreach (var t in All("aws_dynamodb_table")) stores.Add(($"DynamoDB {t["name"]}", $"KMS {KeyName((string?)t["server_side_encryption"]?["kms_key_arn"])}"));
        foreach (var s in All("aws_secretsmanager_secret")) stores.Add(($"secret {s["name"]}", $"KMS {KeyName((string?)s["kms_key_id"])}"));
        foreach (var r in All("aws_ecr_repository")) stores.Add(($"ECR {r["name"]}", $"KMS {KeyName((string?)r["encryption_configuration"]?[0]?["kms_key"])}"));
        foreach (var v in All("aws_backup_vault")) stores.Add(($"backup vault {v["name"]}", $"KMS {KeyName((string?)v["kms_key_arn"])}"));
        foreach (var g in All("aws_cloudwatch_log_group")) stores.Add(($"log group {g["name"]}", $"KMS {KeyName((string?)g["kms_key_id"])}, {g["retention_in_days"]} days"));
        return [.. stores.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (object)new { s.Name, s.Encryption })];
    }

    private string GroupName(string? reference) => (string?)Resolve(reference)?["name"] ?? Display(reference);

    /// <summary>A key by its alias: the alias resource whose target is this key.</summary>
    private string KeyName(string? reference)
    {
        var key = reference?.Replace(".arn}", "").Replace(".key_id}", "");
        var alias = All("aws_kms_alias").FirstOrDefault(a => ((string?)a["target_key_id"])?.StartsWith(key ?? "-", StringComparison.Ordinal) == true);
        return (string?)alias?["name"] ?? Display(reference);
    }

    private static string Display(string? value) => value ?? "(none)";
}
