using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Calendars.CalDav.Writing;

/// <summary>The durable state of a <see cref="CalDavWriterGrain"/> (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.CalDavWriterState")]
public sealed class CalDavWriterState
{
    /// <summary>Request key → the latest write not yet on every calendar, with its attempts.</summary>
    [Id(2)]
    public Dictionary<string, RetryItem<CalDavEventWrite>> Unsent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Request key → the events written for it, per calendar.</summary>
    [Id(1)]
    public Dictionary<string, List<CalDavWrittenEvent>> Written { get; set; } = new(StringComparer.Ordinal);
}
