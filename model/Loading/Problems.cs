namespace StudentRecords.Model.Loading;

/// <summary>Collects every problem found while loading and validating, each placed at its file, path and line.</summary>
public sealed class Problems(SourceMap sources)
{
    private readonly List<ModelError> errors = [];

    public IReadOnlyList<ModelError> Errors => errors;

    public SourceMap Sources => sources;

    public void Add(string file, string path, string message) =>
        errors.Add(new ModelError(file, path, sources.LineOf(file, path), message));
}
