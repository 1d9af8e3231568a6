namespace Scheduler.Grains.Calendars;

/// <summary>The durable state of a <see cref="CalDavWriterGrain"/> (JSON).</summary>
public sealed class CalDavWriterState
{
    /// <summary>Request key → the latest write not yet on every calendar.</summary>
    public Dictionary<string, CalDavEventWrite> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Request key → the events written for it, per calendar.</summary>
    public Dictionary<string, List<CalDavWrittenEvent>> Written { get; set; } = new(StringComparer.Ordinal);
}
