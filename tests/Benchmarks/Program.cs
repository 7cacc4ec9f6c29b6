// Synthesizes one stack holding one VPC into the folder given: the baseline of tests/Benchmarks/run.sh.
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.Provider;
using HashiCorp.Cdktf.Providers.Aws.Vpc;
using StudentRecords.Synth.Output;

using var temp = ProcessTempFolder.Enter(); // as the real synth does: jsii's unpacked files go with it
var app = new App(new AppConfig { Outdir = args[0] });
var stack = new TerraformStack(app, "minimal");
new AwsProvider(stack, "aws", new AwsProviderConfig { Region = "eu-central-1" });
new Vpc(stack, "vpc", new VpcConfig { CidrBlock = "10.2.0.0/16" });
app.Synth();
