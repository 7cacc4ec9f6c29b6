// Composes the app; what it composes lives in Hosting/. `StudentRecords.App migrate` only migrates and exits.
using StudentRecords.App.Data;
using StudentRecords.App.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();
builder.Services.AddRecordsDatabase(DatabaseSettings.From(builder.Configuration)).AddRecordsWeb(builder.Environment);

var app = builder.Build();
var patience = TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:MigrationPatienceSeconds", 60));
if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync(patience);
    return;
}
if (builder.Configuration.GetValue("Database:MigrateOnStart", true)) await app.MigrateDatabaseAsync(patience);
app.UseRecordsPipeline();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
