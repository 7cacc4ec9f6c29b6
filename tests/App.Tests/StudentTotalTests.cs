using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Tests;

/// <summary>The list's student count: reused for a few seconds, never across this instance's own writes.</summary>
public sealed class StudentTotalTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly SqliteRecordsDbContext db;
    private readonly FakeTimeProvider clock = new();
    private readonly StudentTotal total;
    private readonly HeldQuery held = new();

    /// <summary>Holds a query tagged "held" until released, so a write can land while it runs.</summary>
    private sealed class HeldQuery : DbCommandInterceptor
    {
        public readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("-- held", StringComparison.Ordinal))
            {
                Started.SetResult();
                await Release.Task;
            }
            return result;
        }
    }

    public StudentTotalTests()
    {
        connection.Open();
        db = new SqliteRecordsDbContext(new DbContextOptionsBuilder<SqliteRecordsDbContext>().UseSqlite(connection).AddInterceptors(held).Options);
        db.Database.EnsureCreated();
        total = new StudentTotal(clock);
    }

    public void Dispose()
    {
        db.Dispose();
        connection.Dispose();
    }

    private async Task AddStudentsAsync(int count)
    {
        var first = await db.Students.CountAsync();
        db.Students.AddRange(Enumerable.Range(first + 1, count).Select(i => new Student
        {
            FullName = $"Student {i}",
            Email = $"s{i}@example.org",
            Age = 20,
            Course = "History",
            EnrolmentDate = new DateOnly(2024, 9, 1),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>A write through a context of its own, on the same database: nothing tells <see cref="total"/>.</summary>
    private async Task AddStudentAsAnotherTaskWouldAsync()
    {
        await using var writer = new SqliteRecordsDbContext(new DbContextOptionsBuilder<SqliteRecordsDbContext>().UseSqlite(connection).Options);
        writer.Students.Add(new Student { FullName = "Another Task", Email = $"other{Guid.NewGuid():N}@example.org", Age = 30, Course = "Law", EnrolmentDate = new DateOnly(2024, 9, 1) });
        await writer.SaveChangesAsync();
    }

    [Fact]
    public async Task ACountIsReusedUntilItIsFiveSecondsOld()
    {
        await AddStudentsAsync(3);
        Assert.Equal(3, await total.CountAsync(db.Students, default));

        await AddStudentsAsync(2); // as another task would: this instance is not told
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(3, await total.CountAsync(db.Students, default));

        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(5, await total.CountAsync(db.Students, default));
    }

    [Fact]
    public async Task ThisInstancesOwnWriteIsCountedAtOnce()
    {
        await AddStudentsAsync(3);
        Assert.Equal(3, await total.CountAsync(db.Students, default));

        await AddStudentsAsync(1);
        total.Forget();

        Assert.Equal(4, await total.CountAsync(db.Students, default));
    }

    [Fact]
    public async Task ACountThatStartedBeforeAWriteIsNotReusedAfterIt()
    {
        await AddStudentsAsync(3);
        var counting = total.CountAsync(db.Students.TagWith("held"), default);
        await held.Started.Task;
        await AddStudentAsAnotherTaskWouldAsync();
        total.Forget();
        held.Release.SetResult();
        Assert.Equal(4, await counting);

        await AddStudentsAsync(1);
        Assert.Equal(5, await total.CountAsync(db.Students, default));
    }

    [Fact]
    public async Task WhileOneRequestRecountsAnOldCountTheOthersKeepIt()
    {
        await AddStudentsAsync(3);
        Assert.Equal(3, await total.CountAsync(db.Students, default));
        clock.Advance(StudentTotal.MaxAge);
        await AddStudentAsAnotherTaskWouldAsync();

        var recount = total.CountAsync(db.Students.TagWith("held"), default);
        await held.Started.Task;
        Assert.Equal(3, await total.CountAsync(db.Students, default)); // not a second count

        held.Release.SetResult();
        Assert.Equal(4, await recount);
        Assert.Equal(4, await total.CountAsync(db.Students, default));
    }
}
