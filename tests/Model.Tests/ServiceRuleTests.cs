namespace StudentRecords.Model.Tests;

public sealed class ServiceRuleTests
{
    [Theory]
    [InlineData(256, 4096)]
    [InlineData(1024, 1024)]
    [InlineData(4096, 31744)]
    public void FargateRejectsTheCpuMemoryPair(int cpu, int memory)
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "cpu: 256 ", $"cpu: {cpu} ").Replace("production.yaml", "memory: 512", $"memory: {memory}");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "service.memory", $"{memory} MiB does not pair with {cpu} CPU units");
    }

    [Theory]
    [InlineData(512, 3072)]
    [InlineData(2048, 16384)]
    [InlineData(16384, 122880)]
    public void FargateAcceptsDocumentedPairs(int cpu, int memory)
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "cpu: 256 ", $"cpu: {cpu} ").Replace("production.yaml", "memory: 512", $"memory: {memory}");

        Assert.Equal(cpu, env.Load().Primary.Service.Cpu);
    }

    [Fact]
    public void CpuMustBeAFargateSize()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "cpu: 256", "cpu: 300");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "service.cpu", "300 is not a Fargate CPU size");
    }

    [Fact]
    public void DesiredCountMustLieWithinAutoscaling()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "desiredCount: 2", "desiredCount: 1");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "service.desiredCount", "1 is outside autoscaling 2-10");
    }

    [Fact]
    public void PrimaryMayNotRunZeroTasks()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "desiredCount: 2", "desiredCount: 0");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "service.desiredCount", "0 is outside autoscaling");
    }

    [Fact]
    public void StandbyMayRunZeroTasks()
    {
        using var env = new EnvironmentFolder();

        Assert.Equal(0, env.Load().Standbys[0].Service.DesiredCount);
    }

    [Fact]
    public void AutoscalingMinMustNotExceedMax()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "{ min: 2, max: 10, cpuTarget: 70 }", "{ min: 12, max: 10, cpuTarget: 70 }");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "service.autoscaling", "min 12 is above max 10");
    }

    [Fact]
    public void ContainerPortMustBeBindableByANonRootUser()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "containerPort: 8080", "containerPort: 80");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "service.containerPort", "non-root");
    }
}
