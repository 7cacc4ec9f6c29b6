namespace StudentRecords.Model.Tests;

public sealed class LoadingTests
{
    [Fact]
    public void CommittedEnvironmentsCarryTheSeedValues()
    {
        var model = ModelLoader.Load(RepositoryPaths.Environments);

        Assert.Equal("student-record-system", model.Platform.Project);
        Assert.Equal(["production", "dr"], model.Environments.Select(e => e.Name));

        var production = model.Primary;
        Assert.Equal("eu-central-1", production.Region);
        Assert.Equal("10.2.0.0/16", production.Network.VpcCidr);
        Assert.Equal(["10.2.1.0/24", "10.2.2.0/24"], production.Network.PublicSubnets);
        Assert.Equal(["10.2.10.0/24", "10.2.20.0/24"], production.Network.PrivateSubnets);
        Assert.Equal(NatMode.PerAz, production.Network.NatGateways);
        Assert.Equal(new ServiceSpec(256, 512, 2, new AutoscalingSpec(2, 10, 70), 8080, "/health/ready"), production.Service);
        Assert.Equal(2, production.Database.InstanceCount);
        Assert.StartsWith("8.0.mysql_aurora.", production.Database.EngineVersion);
        Assert.Equal(7, production.Database.BackupRetentionDays);
        Assert.StartsWith("03:00-", production.Database.BackupWindow);

        var dr = Assert.Single(model.Standbys);
        Assert.Equal("eu-west-1", dr.Region);
        Assert.Equal("10.3.0.0/16", dr.Network.VpcCidr);
        Assert.Equal(["10.3.1.0/24", "10.3.2.0/24"], dr.Network.PublicSubnets);
        Assert.Equal(["10.3.10.0/24", "10.3.20.0/24"], dr.Network.PrivateSubnets);
        Assert.Equal(NatMode.None, dr.Network.NatGateways);
        Assert.Equal(0, dr.Service.DesiredCount);
        Assert.Equal(1, dr.Database.InstanceCount);
    }

    [Fact]
    public void UnknownKeyIsAnErrorNotIgnored()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "  flowLogs: true", "  flowLogs: true\n  flowLog: false");

        var error = ErrorAssert.Reports(env.Errors(), "production.yaml", "network.flowLog", "unknown key 'flowLog'");
        Assert.Contains("flowLogs", error.Message); // says what would be valid
        Assert.Equal(env.LineOf("production.yaml", "flowLog: false"), error.Line);
    }

    [Fact]
    public void WrongTypeNamesTheValueAndWhatIsExpected()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "cpu: 256 ", "cpu: quarter ");

        var error = ErrorAssert.Reports(env.Errors(), "production.yaml", "service.cpu", "'quarter' is not a whole number");
        Assert.Equal(env.LineOf("production.yaml", "cpu: quarter"), error.Line);
    }

    [Fact]
    public void MissingKeyIsReported()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "region: eu-west-1\n", "");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "region", "is required");
    }

    [Fact]
    public void UnknownEnumValueListsTheValidOnes()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "natGateways: per-az", "natGateways: per-zone");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "network.natGateways", "'per-zone' is not one of none, single, per-az");
    }

    [Fact]
    public void YamlSyntaxErrorGivesTheLine()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "  flowLogs: true", "  flowLogs: [true");

        var errors = env.Errors();

        var error = Assert.Single(errors); // and no misleading "no standby" from the unreadable file
        Assert.Equal("(syntax)", error.YamlPath);
        Assert.Contains("is not valid YAML", error.Message);
        Assert.InRange(error.Line!.Value, env.LineOf("dr.yaml", "flowLogs: [true"), env.LineOf("dr.yaml", "flowLogs: [true") + 1);
    }

    [Fact]
    public void MissingPlatformFileIsReported()
    {
        using var env = new EnvironmentFolder();
        env.Delete("platform.yaml");

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "", "file not found");
    }

    [Fact]
    public void MissingFolderIsReported()
    {
        var errors = Assert.Throws<ModelException>(() => ModelLoader.Load("/nonexistent/environments")).Errors;

        Assert.Contains("folder not found", Assert.Single(errors).Message);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "memory: 512", "memory: 4096")
            .Replace("dr.yaml", "backupRetentionDays: 7", "backupRetentionDays: 40")
            .Replace("platform.yaml", "email: platform-alerts@example.org", "email: nobody")
            .Replace("dr.yaml", "  flowLogs: true", "  flowLogs: true\n  extra: 1")
            .Replace("production.yaml", "vpcCidr: 10.2.0.0/16", "vpcCidr: 10.2.0.1/16")
            .Replace("production.yaml", "logRetentionDays: 30", "logRetentionDays: thirty");

        var errors = env.Errors();

        Assert.Equal(6, errors.Count);
        ErrorAssert.Reports(errors, "production.yaml", "network.vpcCidr", "not a valid IPv4 CIDR");
        ErrorAssert.Reports(errors, "production.yaml", "storage.logRetentionDays", "'thirty' is not a whole number");
        ErrorAssert.Reports(errors, "production.yaml", "service.memory", "does not pair with 256");
        ErrorAssert.Reports(errors, "dr.yaml", "database.backupRetentionDays", "1 to 35 days");
        ErrorAssert.Reports(errors, "platform.yaml", "alerts.email", "not an e-mail address");
        ErrorAssert.Reports(errors, "dr.yaml", "network.extra", "unknown key");
    }

    [Fact]
    public void ErrorTextNamesFileLineAndPath()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "desiredCount: 2", "desiredCount: 11");

        var error = ErrorAssert.Reports(env.Errors(), "production.yaml", "service.desiredCount", "outside autoscaling 2-10");
        var line = env.LineOf("production.yaml", "desiredCount: 11");

        Assert.Equal($"{error.File}:{line}: service.desiredCount: {error.Message}", error.ToString());
        Assert.EndsWith("production.yaml", error.File);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("tag value")]
    public void BytesThatAreNotUtf8AreAnErrorWithTheLine(string where)
    {
        using var env = new EnvironmentFolder();
        var path = Path.Combine(env.Path, "platform.yaml");
        var text = File.ReadAllText(path);
        var lineText = where == "comment" ? "# Shared by every stack." : "  Owner: platform-team";
        Assert.Contains(lineText, text);
        var line = env.LineOf("platform.yaml", lineText);
        // Latin-1 "é" (0xE9): what an editor that is not set to UTF-8 writes.
        var latin1 = System.Text.Encoding.Latin1.GetBytes(text.Replace(lineText, lineText + " Équipe café"));
        File.WriteAllBytes(path, latin1);

        var error = ErrorAssert.Reports(env.Errors(), "platform.yaml", "(encoding)", "is not valid UTF-8: byte 0xC9");
        Assert.Equal(line, error.Line);
        Assert.Contains($"line {line}, column {lineText.Length + 2}", error.Message);
    }

    [Fact]
    public void AByteOrderMarkIsStillUtf8()
    {
        using var env = new EnvironmentFolder();
        var path = Path.Combine(env.Path, "dr.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        Assert.NotNull(env.Load());
    }
}
