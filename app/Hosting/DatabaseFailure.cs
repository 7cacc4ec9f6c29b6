using System.Data.Common;

namespace StudentRecords.App.Hosting;

/// <summary>Tells a database that cannot be reached from a bug: the first earns a 503, the second a 500.</summary>
public static class DatabaseFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or TimeoutException || e.GetType().Name == "RetryLimitExceededException")
                return true;
        return false;
    }
}
