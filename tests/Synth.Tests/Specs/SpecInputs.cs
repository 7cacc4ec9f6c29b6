using System.Text.Json.Nodes;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.S3BucketPolicy;
using StudentRecords.Model;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// Inputs and readers the construct specs share: the committed environments, the recovery Lambdas' package, a log
/// bucket's policy to wait for, a role's trust and permissions, policy statements.
/// </summary>
public static class SpecInputs
{
    public const string AccountId = "111122223333";
    public const string LogBucketPolicyAddress = "aws_s3_bucket_policy.log-bucket-policy";

    private static readonly Lazy<PlatformModel> LoadedModel = new(() => ModelLoader.Load(RepositoryPaths.Environments));

    private static readonly Lazy<LambdaPackage> RecoveryPackage = new(() => LambdaPackage.Build(Path.Combine(RepositoryPaths.Root, "synth", "Lambda", "recovery")));

    /// <summary>The committed environments (production primary, dr standby).</summary>
    public static PlatformModel Model => LoadedModel.Value;

    /// <summary>A real Lambda package, for constructs that only point at one.</summary>
    public static LambdaPackage Package => RecoveryPackage.Value;

    /// <summary>A bucket policy in the stack itself, so constructs that must wait for one can depend on it.</summary>
    public static S3BucketPolicy LogBucketPolicy(Construct stack) =>
        new(stack, "log-bucket-policy", new S3BucketPolicyConfig { Bucket = "spec-logs", Policy = "{}" });

    /// <summary>Terraform's address of a resource, <c>type.name</c>, as <c>depends_on</c> lists it.</summary>
    public static string Address(TerraformJson json, string type, JsonObject resource) =>
        $"{type}.{json.Root["resource"]![type]!.AsObject().Single(p => ReferenceEquals(p.Value, resource)).Key}";

    public static IReadOnlyList<string> DependsOn(JsonObject resource) =>
        resource["depends_on"] is JsonArray addresses ? [.. addresses.Select(a => (string)a!)] : [];

    /// <summary>The services that may assume the role whose attribute <paramref name="roleReference"/> is.</summary>
    public static IReadOnlyList<string> TrustedServices(TerraformJson json, string roleReference)
    {
        var trust = json.Referenced(json.Referenced(roleReference)["assume_role_policy"]!.GetValue<string>());
        return [.. trust["statement"]!.AsArray()
            .SelectMany(s => s!["principals"]!.AsArray())
            .Where(p => (string?)p!["type"] == "Service")
            .SelectMany(p => p!["identifiers"]!.AsArray().Select(i => (string)i!))];
    }

    /// <summary>The statements of the inline policy of the role whose attribute <paramref name="roleReference"/> is.</summary>
    public static JsonArray InlineStatements(TerraformJson json, string roleReference)
    {
        var roleId = roleReference[..roleReference.LastIndexOf('.')] + ".id}";
        var policy = Assert.Single(json.Resources("aws_iam_role_policy"), p => (string?)p["role"] == roleId);
        return json.Referenced(policy["policy"]!.GetValue<string>())["statement"]!.AsArray();
    }

    /// <summary>Managed policies attached to the role whose attribute <paramref name="roleReference"/> is.</summary>
    public static IReadOnlyList<string> ManagedPolicies(TerraformJson json, string roleReference)
    {
        var roleName = roleReference[..roleReference.LastIndexOf('.')] + ".name}";
        return [.. json.Resources("aws_iam_role_policy_attachment").Where(a => (string?)a["role"] == roleName).Select(a => (string)a["policy_arn"]!)];
    }

    /// <summary>The statement of a policy document with this sid.</summary>
    public static JsonObject Statement(JsonObject document, string sid) =>
        Assert.Single(document["statement"]!.AsArray(), s => s!["sid"]?.GetValue<string>() == sid)!.AsObject();

    public static IReadOnlyList<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(v => v!.GetValue<string>())];
}
