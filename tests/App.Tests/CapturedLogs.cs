using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StudentRecords.App.Tests;

/// <summary>
/// Every log entry the app writes, with its structured fields, as the JSON console would print them
/// (its State object). Added beside the app's own providers, so nothing it logs is replaced.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Fields);

    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    /// <summary>The entries whose <c>event</c> field is <paramref name="name"/>.</summary>
    public IReadOnlyList<Entry> Events(string name) => Entries.Where(e => e.Fields.GetValueOrDefault("event") == name).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value?.ToString())
                : new Dictionary<string, string?>();
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), fields));
        }
    }
}
