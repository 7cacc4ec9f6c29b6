namespace StudentRecords.Model.Tests;

public sealed class DatabaseRuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(36)]
    public void BackupRetentionMustBeOneToThirtyFiveDays(int days)
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "backupRetentionDays: 7", $"backupRetentionDays: {days}");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "database.backupRetentionDays", $"{days} days; Aurora keeps automated backups for 1 to 35 days");
    }

    [Fact]
    public void GlobalDatabaseRejectsBurstableClassesWithTheReason()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "replication: binlog", "replication: global")
            .Replace("dr.yaml", "replication: binlog", "replication: global");

        var errors = env.Errors();

        Assert.Equal(2, errors.Count);
        ErrorAssert.Reports(errors, "production.yaml", "database.instanceClass", "'db.t3.large' cannot join an Aurora Global Database: AWS requires memory-optimized classes");
        ErrorAssert.Reports(errors, "dr.yaml", "database.instanceClass", "memory-optimized");
    }

    [Fact]
    public void InstanceClassMustBeOneThePlatformSupportsInEveryFileAtOnce()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "instanceClass: db.t3.large", "instanceClass: db.m6g.large")
            .Replace("dr.yaml", "instanceClass: db.t3.large", "instanceClass: db.serverless");

        var errors = env.Errors();

        Assert.Equal(2, errors.Count);
        ErrorAssert.Reports(errors, "production.yaml", "database.instanceClass", "'db.m6g.large' is not an instance class the platform supports; choose one of db.r5.large, db.r6g.large,");
        ErrorAssert.Reports(errors, "dr.yaml", "database.instanceClass", "'db.serverless' is not an instance class the platform supports");
    }

    [Theory]
    [InlineData("db.r5.large")]
    [InlineData("db.r6g.large")]
    [InlineData("db.r6g.xlarge")]
    [InlineData("db.r7g.large")]
    public void GlobalDatabaseAcceptsMemoryOptimizedClasses(string instanceClass)
    {
        using var env = new EnvironmentFolder();
        foreach (var file in new[] { "production.yaml", "dr.yaml" })
            env.Replace(file, "replication: binlog", "replication: global").Replace(file, "instanceClass: db.t3.large", $"instanceClass: {instanceClass}");

        Assert.Equal(ReplicationMode.Global, env.Load().Primary.Database.Replication);
    }

    [Fact]
    public void ReplicationModeMustMatchThePrimary()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "replication: binlog", "replication: global")
            .Replace("dr.yaml", "instanceClass: db.t3.large", "instanceClass: db.r6g.large");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "database.replication", "differs from the primary's 'binlog'");
    }

    [Fact]
    public void EngineMustBeAuroraMySql8()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "engineVersion: 8.0.mysql_aurora.3.08.0", "engineVersion: 5.7.mysql_aurora.2.11.2");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "database.engineVersion", "is not Aurora MySQL 8.0");
    }

    [Fact]
    public void BackupWindowMustBeAtLeastThirtyMinutes()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "backupWindow: \"03:00-04:00\"", "backupWindow: \"03:00-03:10\"");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "database.backupWindow", "lasts 10 minutes; RDS needs at least 30");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    public void TheMasterPasswordRotatesEvery1To90Days(string days)
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "rotationDays: 30", $"rotationDays: {days}");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "database.rotationDays", $"{days} days; rotate the master password every 1 to 90 days");
    }

    [Fact]
    public void LeftOutTheRotationIsEvery30Days()
    {
        var model = ModelLoader.Load(RepositoryPaths.Environments);

        Assert.Equal(30, model.Standbys[0].Database.RotationDays); // dr.yaml leaves it out
        Assert.Equal(DatabaseSpec.DefaultRotationDays, model.Standbys[0].Database.RotationDays);
    }
}
