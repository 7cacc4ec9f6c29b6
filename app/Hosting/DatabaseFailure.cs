using System.Data.Common;
using System.Net.Sockets;

namespace StudentRecords.App.Hosting;

/// <summary>Tells a database that cannot be reached from a bug: the first earns a 503, the second a 500.</summary>
public static class DatabaseFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or TimeoutException || e.GetType().Name == "RetryLimitExceededException" || IsConnectionLost(e))
                return true;
        return false;
    }

    /// <summary>
    /// A server killed in the middle of a request reaches the app unwrapped, not as a DbException: MySqlConnector
    /// lets the socket's own errors through when a transaction begins, and refuses a commit on the closed
    /// connection with an InvalidOperationException (killing MariaDB under 32 writers gave 15 of these as 500s).
    /// </summary>
    private static bool IsConnectionLost(Exception e) =>
        e is SocketException or EndOfStreamException
        || (e is InvalidOperationException && e.Source == "MySqlConnector" && e.Message.StartsWith("Connection must be Open", StringComparison.Ordinal));
}
