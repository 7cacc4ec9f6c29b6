namespace StudentRecords.Synth.Review;

/// <summary>One attribute that differs, at its path inside the resource (e.g. <c>rule[0].destination.bucket</c>).</summary>
/// <param name="Old">JSON of the old value, or null when the attribute is new.</param>
/// <param name="New">JSON of the new value, or null when the attribute was removed.</param>
/// <param name="ForcesReplacement">AWS cannot change this in place: Terraform destroys and recreates the resource.</param>
public sealed record AttributeChange(string Path, string? Old, string? New, bool ForcesReplacement);
