using System.Text.Json.Nodes;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.S3BucketPolicy;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>Small inputs and readers the construct specs share: a log bucket's policy to wait for, a Lambda package, a role's trust and permissions.</summary>
public static class SpecInputs
{
    public const string LogBucketPolicyAddress = "aws_s3_bucket_policy.log-bucket-policy";

    /// <summary>A bucket policy in the stack itself, so constructs that must wait for one can depend on it.</summary>
    public static S3BucketPolicy LogBucketPolicy(Construct stack) =>
        new(stack, "log-bucket-policy", new S3BucketPolicyConfig { Bucket = "spec-logs", Policy = "{}" });

    /// <summary>A tiny package whose file exists (CDKTF copies it into the output).</summary>
    public static LambdaPackage Package()
    {
        var folder = Directory.CreateTempSubdirectory("srp-spec-package-").FullName;
        var path = Path.Combine(folder, "index.zip");
        File.WriteAllText(path, "spec");
        return new LambdaPackage(path, "c3BlYy1wYWNrYWdlLWhhc2g=");
    }

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
}
