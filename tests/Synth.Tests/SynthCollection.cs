namespace StudentRecords.Synth.Tests;

[CollectionDefinition(Name)]
public sealed class SynthCollection : ICollectionFixture<SynthesizedPlatform>
{
    public const string Name = "synthesized platform";
}
