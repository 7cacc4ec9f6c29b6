using System.Text;
using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Review;

/// <summary>
/// A Mermaid flowchart of a synthesized stack for its reviewer summary: what exists and what connects to
/// what, drawn only from the resources in the JSON, so a topology change shows as a picture and as a diff
/// of this text. Nodes and edges are emitted in a fixed order: the same stack gives the same bytes.
/// </summary>
public static class TopologyDiagram
{
    public static string? For(JsonObject stack)
    {
        var resources = stack["resource"] as JsonObject ?? [];
        var diagram = new Diagram(resources);
        return resources.ContainsKey("aws_vpc") ? diagram.Regional()
            : resources.ContainsKey("aws_cloudfront_distribution") ? diagram.Edge()
            : null;
    }

    private sealed class Diagram(JsonObject resources)
    {
        private readonly StringBuilder text = new("flowchart LR\n");

        private IEnumerable<(string Name, JsonObject Body)> All(string type) =>
            resources[type] is JsonObject byName ? byName.Select(p => (p.Key, p.Value!.AsObject())) : [];

        private JsonObject? One(string type) => All(type).Select(r => r.Body).FirstOrDefault();

        public string Regional()
        {
            var vpc = One("aws_vpc")!;
            var subnets = All("aws_subnet").ToList();
            Line($"subgraph vpc[\"VPC {vpc["cidr_block"]}\"]");
            foreach (var zone in subnets.Select(s => (string)s.Body["availability_zone"]!).Distinct().Order(StringComparer.Ordinal))
            {
                Line($"  subgraph {Id(zone)}[\"{zone}\"]");
                foreach (var (name, subnet) in subnets.Where(s => (string?)s.Body["availability_zone"] == zone).OrderBy(s => (string?)s.Body["cidr_block"], StringComparer.Ordinal))
                    Line($"    {Id(name)}[\"{subnet["tags"]?["Tier"]} {subnet["cidr_block"]}\"]");
                foreach (var (name, nat) in All("aws_nat_gateway").Where(n => Zone(subnets, (string?)n.Body["subnet_id"]) == zone))
                    Line($"    {Id(name)}{{{{\"NAT gateway\"}}}}");
                Line("  end");
            }
            if (One("aws_lb") is { } alb) Line($"  alb[\"load balancer {alb["name"]}\"]");
            if (One("aws_ecs_service") is { } service)
            {
                var scaling = One("aws_appautoscaling_target");
                Line($"  service[\"ECS service: {service["desired_count"]} task(s), {scaling?["min_capacity"]}-{scaling?["max_capacity"]}\"]");
            }
            if (One("aws_rds_cluster") is { } cluster)
                Line($"  aurora[(\"Aurora {cluster["cluster_identifier"]}: {All("aws_rds_cluster_instance").Count()} × {One("aws_rds_cluster_instance")?["instance_class"]}\")]");
            foreach (var (name, endpoint) in All("aws_vpc_endpoint").OrderBy(e => (string?)e.Body["service_name"], StringComparer.Ordinal))
                Line($"  {Id(name)}>\"endpoint {((string)endpoint["service_name"]!).Split('.', 4)[^1]}\"]");
            Line("end");

            var repository = One("aws_ecr_repository");
            if (repository is not null) Line($"ecr[\"ECR {repository["name"]}\"]");
            var failover = All("aws_sfn_state_machine").Select(m => m.Body).FirstOrDefault(m => ((string)m["name"]!).EndsWith("-failover", StringComparison.Ordinal));
            if (failover is not null) Line($"failover[[\"Step Functions {failover["name"]}\"]]");
            var fromPrefixLists = All("aws_vpc_security_group_ingress_rule").Where(r => r.Body["prefix_list_id"] is not null).Select(r => (string?)r.Body["description"] ?? "").ToList();
            if (fromPrefixLists.Any(d => d.Contains("cloudfront", StringComparison.Ordinal))) Line("cloudfront([\"CloudFront origin-facing\"]) --> alb");
            if (fromPrefixLists.Any(d => d.Contains("route53", StringComparison.Ordinal))) Line("healthchecks([\"Route 53 health checkers\"]) -. readiness path .-> alb");
            if (resources.ContainsKey("aws_lb") && resources.ContainsKey("aws_ecs_service")) Line("alb --> service");
            if (resources.ContainsKey("aws_ecs_service") && resources.ContainsKey("aws_rds_cluster")) Line("service --> aurora");
            if (repository is not null) Line("ecr -. image .-> service");
            foreach (var (name, nat) in All("aws_nat_gateway")) Line($"service -. egress .-> {Id(name)}");
            if (One("aws_rds_cluster") is { } replica && replica["replication_source_identifier"] is JsonValue source)
                Line($"source[(\"Aurora {((string)source!).Split(":cluster:")[^1]} in {replica["source_region"]}\")] == binlog replication ==> aurora");
            if (One("aws_rds_cluster")?["global_cluster_identifier"] is JsonValue global)
                Line($"global{{{{\"global database {Reference((string)global!)}\"}}}} == storage replication ==> aurora");
            foreach (var rule in All("aws_ecr_replication_configuration").SelectMany(r => r.Body["replication_configuration"]!["rule"]!.AsArray()))
                foreach (var destination in rule!["destination"]!.AsArray())
                    Line($"ecr -. replicates .-> {Id("ecr " + (string)destination!["region"]!)}[\"ECR in {destination["region"]}\"]");
            foreach (var (name, replication) in All("aws_s3_bucket_replication_configuration"))
                Line($"{Id(name + " source")}[(\"S3 {replication["bucket"]}\")] -. replicates .-> {Id(name + " destination")}[(\"S3 {Reference((string?)replication["rule"]?[0]?["destination"]?["bucket"])}\")]");
            if (failover is not null)
            {
                if (resources.ContainsKey("aws_ecs_service")) Line("failover -. scales .-> service");
                if (resources.ContainsKey("aws_rds_cluster")) Line("failover -. promotes .-> aurora");
            }
            return text.ToString();
        }

        public string Edge()
        {
            var cdn = One("aws_cloudfront_distribution")!;
            Line("viewers([\"viewers\"]) --> waf");
            if (One("aws_wafv2_web_acl") is { } waf) Line($"waf[\"WAF {waf["name"]}\"] --> cdn");
            Line($"cdn[\"CloudFront {(cdn["aliases"] is JsonArray aliases ? string.Join(", ", aliases.Select(a => (string?)a)) : "")}\"]");
            foreach (var origin in cdn["origin"]!.AsArray().OrderBy(o => (string?)o!["origin_id"], StringComparer.Ordinal))
                Line($"{Id("origin " + (string)origin!["origin_id"]!)}[\"origin {origin["origin_id"]}: {origin["domain_name"]}\"]");
            var members = cdn["origin_group"]?[0]?["member"]?.AsArray().Select(m => (string)m!["origin_id"]!).ToList() ?? [];
            for (var i = 0; i < members.Count; i++)
                Line($"cdn -- {(i == 0 ? "primary" : $"on {string.Join("/", cdn["origin_group"]![0]!["failover_criteria"]!["status_codes"]!.AsArray().Select(c => c!.ToString()))}")} --> {Id("origin " + members[i])}");
            foreach (var behaviour in cdn["ordered_cache_behavior"]?.AsArray() ?? [])
                Line($"cdn -- \"{behaviour!["path_pattern"]}\" --> {Id("origin " + (string)behaviour["target_origin_id"]!)}");
            // Route 53 failover records: the origin that names them, and the regional origin each answer leads to.
            foreach (var records in All("aws_route53_record").Select(r => r.Body).Where(r => r["failover_routing_policy"] is not null).GroupBy(r => (string)r["name"]!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var dns = Id("dns " + records.Key);
                Line($"{dns}{{\"Route 53 failover {records.Key}\"}}");
                foreach (var origin in cdn["origin"]!.AsArray().Where(o => (string?)o!["domain_name"] == records.Key))
                    Line($"{Id("origin " + (string)origin!["origin_id"]!)} --> {dns}");
                foreach (var record in records.OrderBy(r => (string?)r["failover_routing_policy"]!["type"], StringComparer.Ordinal))
                    Line($"{dns} -- {record["failover_routing_policy"]!["type"]} --> {Id("origin " + (string)record["set_identifier"]!)}");
            }
            return text.ToString();
        }

        private void Line(string line) => text.Append("  ").Append(line).Append('\n');

        private string? Zone(List<(string Name, JsonObject Body)> subnets, string? reference) =>
            subnets.Where(s => reference == $"${{aws_subnet.{s.Name}.id}}").Select(s => (string?)s.Body["availability_zone"]).FirstOrDefault();

        /// <summary>The resource a reference names, by its name or identifier; the text itself when it is not one.</summary>
        private string Reference(string? value)
        {
            if (value is null || !value.StartsWith("${aws_", StringComparison.Ordinal)) return value ?? "?";
            var parts = value[2..^1].Split('.');
            var target = resources[parts[0]]?[parts[1]];
            return (string?)target?["bucket"] ?? (string?)target?["global_cluster_identifier"] ?? (string?)target?["name"] ?? parts[1];
        }

        /// <summary>A Mermaid node id: letters, digits and underscores only.</summary>
        private static string Id(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
    }
}
