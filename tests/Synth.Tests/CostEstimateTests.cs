using StudentRecords.Model;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Tests;

/// <summary>The estimate follows the model, item by item.</summary>
public sealed class CostEstimateTests
{
    private static decimal Item(IReadOnlyList<CostLine> lines, string item) => lines.Single(l => l.Item == item).Monthly;

    private static PlatformModel Model(Action<EnvironmentFolder>? change = null)
    {
        using var env = new EnvironmentFolder();
        change?.Invoke(env);
        return env.Load();
    }

    [Fact]
    public void SingleNatSavesExactlyOneGatewayMonth()
    {
        var perAz = CostEstimate.For(Model())["production"];
        var single = CostEstimate.For(Model(e => e.Replace("production.yaml", "natGateways: per-az", "natGateways: single")))["production"];

        Assert.Equal(PriceTable.Regions["eu-central-1"].NatGatewayHour * PriceTable.HoursPerMonth, Item(perAz, "NAT gateways") - Item(single, "NAT gateways"));
        Assert.Equal(perAz.Sum(l => l.Monthly) - single.Sum(l => l.Monthly), Item(perAz, "NAT gateways") - Item(single, "NAT gateways"));
    }

    [Fact]
    public void PilotLightPaysForNoTasksAndNoNatButForItsEndpoints()
    {
        var dr = CostEstimate.For(Model())["dr"];

        Assert.Equal(0, Item(dr, "ECS Fargate"));
        Assert.Equal(0, Item(dr, "NAT gateways"));
        Assert.Equal(10 * PriceTable.Regions["eu-west-1"].InterfaceEndpointHour * PriceTable.HoursPerMonth, Item(dr, "Interface endpoints")); // ecr.api, ecr.dkr, logs, secretsmanager, ssmmessages in 2 AZs
        Assert.Equal(PriceTable.Regions["eu-west-1"].AuroraInstanceHour["db.t3.large"] * PriceTable.HoursPerMonth, Item(dr, "Aurora instances"));
    }

    [Fact]
    public void TasksAndInstancesScaleTheirLinesLinearly()
    {
        var two = CostEstimate.For(Model())["production"];
        var four = CostEstimate.For(Model(e => e.Replace("production.yaml", "desiredCount: 2", "desiredCount: 4")
            .Replace("production.yaml", "instanceCount: 2 ", "instanceCount: 4 ")))["production"];

        Assert.Equal(2 * Item(two, "ECS Fargate"), Item(four, "ECS Fargate"));
        Assert.Equal(2 * Item(two, "Aurora instances"), Item(four, "Aurora instances"));
    }

    [Fact]
    public void BothEnvironmentsPayForTwoSecretsAndTheirKeysWithThePrimaryPayingForTheReplicaKey()
    {
        var estimate = CostEstimate.For(Model());
        var production = PriceTable.Regions["eu-central-1"];
        var dr = PriceTable.Regions["eu-west-1"];

        Assert.Equal((2 * production.KmsKeyMonth) + (2 * production.SecretMonth), Item(estimate["production"], "KMS and Secrets Manager"));
        Assert.Equal(dr.KmsKeyMonth + (2 * dr.SecretMonth), Item(estimate["dr"], "KMS and Secrets Manager"));
    }

    [Fact]
    public void SingleSignOnAddsTheClientSecretInEachEnvironment()
    {
        var without = CostEstimate.For(Model());
        var with = CostEstimate.For(Model(e => e.WithAuth()));

        foreach (var (environment, region) in new[] { ("production", "eu-central-1"), ("dr", "eu-west-1") })
            Assert.Equal(PriceTable.Regions[region].SecretMonth, Item(with[environment], "KMS and Secrets Manager") - Item(without[environment], "KMS and Secrets Manager"));
    }

    [Fact]
    public void WithoutADomainThereIsNoRoute53Line()
    {
        var global = CostEstimate.For(Model(e => e
            .Replace("platform.yaml", "domain:                        # optional", "# domain:")
            .Replace("platform.yaml", "  name: records.example.org", "#")
            .Replace("platform.yaml", "  hostedZoneId: Z0123456789EXAMPLE", "#")))[CostEstimate.Global];

        Assert.DoesNotContain(global, l => l.Item == "Route 53");
    }

    [Fact]
    public void EveryInstanceClassTheModelAcceptsHasAPriceInEveryPricedRegion()
    {
        var missing = PriceTable.Regions
            .SelectMany(region => AuroraInstanceClasses.MaxConnections.Keys
                .Where(c => !region.Value.AuroraInstanceHour.ContainsKey(c))
                .Select(c => $"{c} in {region.Key}"));

        Assert.Empty(missing);
    }
}
