using Constructs;
using HashiCorp.Cdktf;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Stacks;

/// <summary>
/// One regional environment. Production and DR are two instances of this class: they differ only
/// through their <see cref="EnvironmentSpec"/>, never through branches on their names.
/// </summary>
public sealed class RegionalStack : TerraformStack
{
    public RegionalStack(Construct scope, PlatformSpec platform, EnvironmentSpec environment, string stateRegion) : base(scope, environment.Name)
    {
        RemoteState.Use(this, platform, stateRegion, environment.Name);
        AwsProviders.Create(this, environment.Region, StackTags.For(platform, environment.Name, environment.Tags));

        var prefix = $"{platform.Project}-{environment.Name}";
        new Network(this, "network", new NetworkConfig(prefix, environment.Network, environment.AvailabilityZones));
    }
}
