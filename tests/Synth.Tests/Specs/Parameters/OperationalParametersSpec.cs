using StudentRecords.Synth.Constructs.Parameters;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>OperationalParameters promises one plain (not secret) SSM parameter per given value, under the given prefix.</summary>
public sealed class OperationalParametersSpec
{
    private static TerraformJson Parameters(OperationalParametersConfig config) =>
        ConstructSpec.Synth(stack => new OperationalParameters(stack, "parameters", config));

    private static readonly OperationalParametersConfig Minimal = new()
    {
        Prefix = "/spec-project/spec-env",
        Values = new Dictionary<string, string>
        {
            ["load-balancer"] = "arn:aws:elasticloadbalancing:eu-central-1:111122223333:loadbalancer/app/spec/1",
            ["ecs-cluster"] = "spec-cluster",
        },
    };

    [Fact]
    public void Writes_each_value_under_the_prefix_as_a_plain_string()
    {
        var parameters = Parameters(Minimal).Resources("aws_ssm_parameter");
        Assert.Equal(2, parameters.Count);
        foreach (var (name, value) in Minimal.Values)
        {
            var parameter = Assert.Single(parameters, p => p["name"]!.GetValue<string>() == $"/spec-project/spec-env/{name}");
            Assert.Equal(value, parameter["value"]!.GetValue<string>());
            Assert.Equal("String", parameter["type"]!.GetValue<string>());
            Assert.Equal($"{name.Replace('-', ' ')} of this environment, written by Terraform", parameter["description"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Creates_as_many_parameters_as_values_and_none_without()
    {
        var more = Minimal with { Values = new Dictionary<string, string>(Minimal.Values) { ["target-group"] = "tg", ["database"] = "db" } };
        Assert.Equal(4, Parameters(more).Resources("aws_ssm_parameter").Count);
        Assert.Empty(Parameters(Minimal with { Values = new Dictionary<string, string>() }).Resources("aws_ssm_parameter"));
    }
}
