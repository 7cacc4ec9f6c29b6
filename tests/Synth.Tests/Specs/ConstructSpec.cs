using System.Text.Json.Nodes;
using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.Provider;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// Synthesizes one construct alone, in a minimal stack (an AWS provider in <see cref="Region"/>, local state), and
/// reads the stack back as Terraform would: a construct's spec asserts what the construct promises, without the rest
/// of the platform around it. Inputs that other constructs would create are given as plain strings.
/// </summary>
public static class ConstructSpec
{
    public const string Region = "eu-central-1";
    public const string KmsKeyArn = "arn:aws:kms:eu-central-1:111122223333:key/spec-key";

    public static TerraformJson Synth(Action<Construct> build)
    {
        var outdir = Directory.CreateTempSubdirectory("srp-spec-").FullName;
        try
        {
            var app = new App(new AppConfig { Outdir = outdir });
            var stack = new TerraformStack(app, "spec");
            new AwsProvider(stack, "aws", new AwsProviderConfig { Region = Region });
            build(stack);
            app.Synth();
            var json = File.ReadAllText(Path.Combine(outdir, "stacks", "spec", "cdk.tf.json"));
            return new TerraformJson(JsonNode.Parse(json)!.AsObject());
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}
