namespace StudentRecords.App.Tests;

/// <summary>The two databases every behaviour is tested on: the embedded default and MariaDB (Aurora's stand-in).</summary>
public static class DatabaseProviders
{
    public static TheoryData<string> Both => ["sqlite", "mariadb"];
}
