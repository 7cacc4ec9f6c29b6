using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>ServiceRole promises a role only the given service may assume, with an inline policy of exactly the given statements (none when there are none) and the given managed policies.</summary>
public sealed class ServiceRoleSpec
{
    private static TerraformJson Role(ServiceRoleConfig config) =>
        ConstructSpec.Synth(stack => new ServiceRole(stack, "role", config));

    private static readonly ServiceRoleConfig Minimal = new()
    {
        Name = "spec-task",
        Service = "ecs-tasks.amazonaws.com",
        Statements = [PolicyStatements.Allow("ReadAssets", ["s3:GetObject"], ["arn:aws:s3:::spec-assets/*"])],
    };

    [Fact]
    public void Can_be_assumed_only_by_the_given_service()
    {
        foreach (var service in new[] { "ecs-tasks.amazonaws.com", "states.amazonaws.com" })
        {
            var stack = Role(Minimal with { Service = service });
            var role = stack.Resource("aws_iam_role");
            Assert.Equal("spec-task", role["name"]!.GetValue<string>());
            var trust = Assert.Single(stack.Referenced(role["assume_role_policy"]!.GetValue<string>())["statement"]!.AsArray())!;
            Assert.Equal("Allow", trust["effect"]!.GetValue<string>());
            Assert.Equal(["sts:AssumeRole"], SpecInputs.Strings(trust["actions"]));
            var principal = Assert.Single(trust["principals"]!.AsArray())!;
            Assert.Equal("Service", principal["type"]!.GetValue<string>());
            Assert.Equal([service], SpecInputs.Strings(principal["identifiers"]));
        }
    }

    [Fact]
    public void Its_inline_policy_holds_exactly_the_given_statements()
    {
        var stack = Role(Minimal);
        var policy = stack.Resource("aws_iam_role_policy");
        Assert.Equal("least-privilege", policy["name"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_iam_role", stack.Resource("aws_iam_role"), "id"), policy["role"]!.GetValue<string>());
        var statement = Assert.Single(stack.Referenced(policy["policy"]!.GetValue<string>())["statement"]!.AsArray())!;
        Assert.Equal("ReadAssets", statement["sid"]!.GetValue<string>());
        Assert.Equal(["arn:aws:s3:::spec-assets/*"], SpecInputs.Strings(statement["resources"]));
    }

    [Fact]
    public void Has_no_inline_policy_without_statements_and_attaches_each_managed_policy()
    {
        var stack = Role(Minimal with { Statements = [], ManagedPolicyArns = ["arn:aws:iam::aws:policy/A", "arn:aws:iam::aws:policy/B"] });
        Assert.Empty(stack.Resources("aws_iam_role_policy"));
        var attachments = stack.Resources("aws_iam_role_policy_attachment");
        Assert.Equal(["arn:aws:iam::aws:policy/A", "arn:aws:iam::aws:policy/B"], attachments.Select(a => a["policy_arn"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(Role(Minimal).Resources("aws_iam_role_policy_attachment"));
    }
}
