using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>The durable state of a calendar account grain (JSON). Secrets are stored only in protected (encrypted) form.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.Accounts.CalendarAccountState")]
public sealed class CalendarAccountState
{
    /// <summary>The credentials, encrypted by <see cref="CalendarCredentialProtector"/>; <see langword="null"/> when not connected.</summary>
    [Id(0)]
    public string? ProtectedCredentials { get; set; }

    /// <summary>When the stored access token expires (UTC), kept in clear for the view.</summary>
    [Id(1)]
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>Calendar id → the sync token of its last sync.</summary>
    [Id(2)]
    public Dictionary<string, string> SyncTokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The live push channels.</summary>
    [Id(3)]
    public List<CalendarChannelState> Channels { get; set; } = [];

    /// <summary>Participant grain key → the calendar ids it reads.</summary>
    [Id(4)]
    public Dictionary<string, List<string>> Readers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Event writes not yet accepted by the provider, with their attempts, by <c>{requestKey}\n{participantKey}</c>; the latest write wins.</summary>
    [Id(8)]
    public Dictionary<string, RetryItem<InterviewEventWrite>> UnsentEventWrites { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The events written per <c>{requestKey}\n{participantKey}</c>: the calendar and the event ids.</summary>
    [Id(6)]
    public Dictionary<string, WrittenEvents> WrittenEvents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The meeting links sent to their requests and not yet acknowledged, by <c>{requestKey}\n{stageStart:O}</c>; each is
    /// sent again with backoff until its request acknowledges it (the sends are one-way messages, which can be lost).
    /// </summary>
    [Id(9)]
    public Dictionary<string, LinkReport> LinkReports { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many full syncs replaced an expired sync token.</summary>
    [Id(7)]
    public int FullSyncs { get; set; }
}
