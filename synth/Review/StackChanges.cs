namespace StudentRecords.Synth.Review;

/// <summary>What changes in one stack: resources by Terraform address (<c>aws_vpc.network_vpc_4E8F0223</c>, <c>data.…</c>).</summary>
public sealed record StackChanges(
    string Stack,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<string, IReadOnlyList<AttributeChange>> Changed)
{
    public bool Any => Added.Count + Removed.Count + Changed.Count > 0;

    /// <summary>Every resource Terraform will destroy: removed ones, and changed ones with a replacing attribute.</summary>
    public IEnumerable<string> Replaced => Changed.Where(c => c.Value.Any(a => a.ForcesReplacement)).Select(c => c.Key);
}
