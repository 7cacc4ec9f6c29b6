namespace StudentRecords.Model.Tests;

public sealed class TagRuleTests
{
    [Fact]
    public void TagKeyLongerThanAwsAllowsIsRejected()
    {
        using var env = new EnvironmentFolder();
        var key = new string('k', 129);
        env.Replace("production.yaml", "tags: {}", $"tags: {{ {key}: x }}");

        ErrorAssert.Reports(env.Errors(), "production.yaml", $"tags.{key}", "tag key is 129 characters; AWS allows 1 to 128");
    }

    [Fact]
    public void TagValueLongerThanAwsAllowsIsRejected()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "Owner: platform-team", $"Owner: {new string('v', 257)}");

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "tags.Owner", "tag value is 257 characters; AWS allows up to 256");
    }

    [Fact]
    public void AwsPrefixIsReserved()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "tags: {}", "tags: { \"aws:team\": x }");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "tags.aws:team", "reserved by AWS");
    }

    [Fact]
    public void PlatformTagsCannotBeOverridden()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "tags: {}", "tags: { Environment: prod }");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "tags.Environment", "set by the platform");
    }

    [Fact]
    public void TagCharactersMustBeOnesAwsAccepts()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "tags: {}", "tags: { Team: \"a|b\" }");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "tags.Team", "only letters, digits");
    }

    [Fact]
    public void UnicodeLettersAreAccepted()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "tags: {}", "tags: { Owner: Zoë Núñez }");

        Assert.Equal("Zoë Núñez", env.Load().Primary.Tags["Owner"]);
    }
}
