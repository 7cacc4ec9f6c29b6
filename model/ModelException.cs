namespace StudentRecords.Model;

/// <summary>Thrown when the environment files have problems; carries all of them, not just the first.</summary>
public sealed class ModelException(IReadOnlyList<ModelError> errors)
    : Exception($"{errors.Count} problem(s) in the environment files:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<ModelError> Errors { get; } = errors;
}
