using Scheduler.Runtime;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Cluster.Tests;

/// <summary>A silo's reminder table that stops working when the silo is killed (<see cref="SiloKillSwitch"/>).</summary>
/// <param name="inner">The real table (DynamoDB).</param>
/// <param name="kill">The silo's kill switch.</param>
public sealed class KillableReminderTable(IReminderTable inner, SiloKillSwitch kill) : IReminderTable
{
    /// <summary>The real table.</summary>
    public IReminderTable Inner => inner;

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.ReadRangeAsync(beginHash, endHash, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.ReadGrainAsync(grainId, cancellationToken);
    }

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.ReadAsync(grainId, reminderName, cancellationToken);
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.UpsertAsync(entry, cancellationToken);
    }

    public Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.UpdateNextDueAsync(grainId, reminderName, nextDue, expectedETag, cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.RemoveAsync(grainId, reminderName, expectedETag, cancellationToken);
    }
}
