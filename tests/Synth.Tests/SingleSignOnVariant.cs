using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>The committed environments with platform.yaml's auth section (<see cref="AuthSection.Example"/>), synthesized once.</summary>
public sealed class SingleSignOnVariant
{
    public IReadOnlyDictionary<string, TerraformJson> Stacks { get; } = PlatformVariant.Synthesize(env => env.WithAuth());
}
