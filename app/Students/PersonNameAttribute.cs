using System.ComponentModel.DataAnnotations;

namespace StudentRecords.App.Students;

/// <summary>
/// A person's name as people write it: letters of any script (with their accents), spaces, hyphens and
/// apostrophes between them. "Zoë O'Brien-Núñez" passes; digits, symbols and markup do not.
/// </summary>
public sealed class PersonNameAttribute() : RegularExpressionAttribute(NamePattern)
{
    public const string NamePattern = @"^\p{L}[\p{L}\p{M}]*(?:[ '’-][\p{L}\p{M}]+)*$";

    public override string FormatErrorMessage(string name) =>
        $"{name} may contain letters, spaces, hyphens and apostrophes only.";
}
