// Composes the app; what it composes lives in Hosting/ and Identity/. `StudentRecords.App migrate` only
// migrates and exits; `StudentRecords.App users …` manages staff accounts and exits (Identity/UsersCommand).
using StudentRecords.App.Data;
using StudentRecords.App.Hosting;
using StudentRecords.App.Identity;

var command = args.FirstOrDefault() is "migrate" or "users" ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []); // a command's options are not configuration
if (command is not null) // logs on stderr: stdout is the command's answer
    builder.Logging.ClearProviders().AddJsonConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("StudentRecords.App.Identity", LogLevel.Information)
        .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
else if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();
builder.Services.AddRecordsDatabase(DatabaseSettings.From(builder.Configuration))
    .AddRecordsIdentity(builder.Configuration)
    .AddRecordsWeb(builder.Environment);

var app = builder.Build();
var patience = TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:MigrationPatienceSeconds", 60));
if (command is not null || builder.Configuration.GetValue("Database:MigrateOnStart", true)) await app.MigrateDatabaseAsync(patience);
if (command == "migrate") return 0;
if (command == "users") return await UsersCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
app.UseRecordsPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
