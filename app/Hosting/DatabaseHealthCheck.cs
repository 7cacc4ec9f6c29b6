using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudentRecords.App.Data;

namespace StudentRecords.App.Hosting;

/// <summary>Ready means the database answers; the ALB and Route 53 route only to ready tasks.</summary>
public sealed class DatabaseHealthCheck(RecordsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception e) when (DatabaseFailure.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
