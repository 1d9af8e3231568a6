using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Testing;

/// <summary>
/// A reminder table that passes every operation to another one and records the ranged reads
/// (<see cref="IReminderTable.ReadRangeAsync"/>) and the rows they returned, so a test can check
/// which part of the table a silo read.
/// </summary>
public sealed class RecordingReminderTable : IReminderTable
{
    private readonly IReminderTable _inner;
    private readonly Lock _lock = new();
    private readonly List<ReminderRange> _ranges = [];
    private readonly List<ReminderEntry> _rows = [];

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The table that does the work.</param>
    public RecordingReminderTable(IReminderTable inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The ranges read since the start or the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<ReminderRange> RangesRead
    {
        get
        {
            lock (_lock)
            {
                return [.. _ranges];
            }
        }
    }

    /// <summary>The rows those reads returned.</summary>
    public IReadOnlyList<ReminderEntry> RowsRead
    {
        get
        {
            lock (_lock)
            {
                return [.. _rows];
            }
        }
    }

    /// <summary>
    /// Replaces the reminder table registered so far in a silo's services (an instance or a factory
    /// registration, as <see cref="TestCluster"/> and <see cref="TestSiloHost"/> make) with a recording
    /// wrapper around it; get the wrapper back with <c>GetRequiredService&lt;IReminderTable&gt;()</c>.
    /// </summary>
    /// <param name="silo">The silo builder, inside the configure callback.</param>
    /// <exception cref="InvalidOperationException">No reminder table is registered yet.</exception>
    public static void Install(SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var registered = silo.Services.LastOrDefault(d => d.ServiceType == typeof(IReminderTable) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No reminder table is registered to record.");
        Func<IServiceProvider, IReminderTable> inner = registered switch
        {
            { ImplementationInstance: IReminderTable instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IReminderTable)factory(sp),
            { ImplementationType: { } type } => sp => (IReminderTable)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The registered reminder table cannot be wrapped."),
        };
        silo.Services.Remove(registered);
        silo.Services.AddSingleton<IReminderTable>(sp => new RecordingReminderTable(inner(sp)));
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _ranges.Clear();
            _rows.Clear();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var rows = await _inner.ReadRangeAsync(beginHash, endHash, cancellationToken);
        lock (_lock)
        {
            _ranges.Add(new ReminderRange(beginHash, endHash));
            _rows.AddRange(rows);
        }

        return rows;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) => _inner.ReadGrainAsync(grainId, cancellationToken);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) => _inner.ReadAsync(grainId, reminderName, cancellationToken);

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken) => _inner.UpsertAsync(entry, cancellationToken);

    /// <inheritdoc />
    public Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken) =>
        _inner.UpdateNextDueAsync(grainId, reminderName, nextDue, expectedETag, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken) =>
        _inner.RemoveAsync(grainId, reminderName, expectedETag, cancellationToken);
}
