using System.Collections.Concurrent;

namespace Scheduler.Providers.Tests.Support;

/// <summary>A logger that keeps every entry's event id, level and exception, for tests that check what was logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(EventId EventId, LogLevel Level, Exception? Exception)> _entries = new();

    public IReadOnlyList<(EventId EventId, LogLevel Level, Exception? Exception)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId, logLevel, exception));
}
