using StudentRecords.Model;

namespace StudentRecords.Synth;

/// <summary>
/// Resource names derived from the model, <c>{project}-{environment}-{purpose}</c>, so one stack
/// can find what another made by name (a data source) instead of through remote state.
/// </summary>
public static class Naming
{
    public static string Resource(PlatformSpec platform, string environment, string purpose) =>
        $"{platform.Project}-{environment}-{purpose}";

    public static string StateReplicaBucket(StateSpec state) => $"{state.Bucket}-replica";

    public static string StateKey(string stack) => $"{stack}/terraform.tfstate";
}
