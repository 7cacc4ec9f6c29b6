using StudentRecords.Model;

namespace StudentRecords.Synth;

/// <summary>Names of the shared state resources; an environment's names are in <see cref="ResourceNames"/>.</summary>
public static class Naming
{
    public static string Resource(PlatformSpec platform, string environment, string purpose) =>
        $"{platform.Project}-{environment}-{purpose}";

    public static string StateReplicaBucket(StateSpec state) => $"{state.Bucket}-replica";

    public static string StateKey(string stack) => $"{stack}/terraform.tfstate";
}
