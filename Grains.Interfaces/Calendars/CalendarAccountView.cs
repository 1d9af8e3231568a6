namespace Scheduler.Grains.Calendars;

/// <summary>What a calendar account grain reports about itself (no secrets).</summary>
/// <param name="Provider"><c>google</c> or <c>microsoft</c>.</param>
/// <param name="Connected">Whether credentials are stored.</param>
/// <param name="AccessTokenExpiresAt">When the stored access token expires (UTC); <see langword="null"/> when not connected.</param>
/// <param name="Channels">The live push channels, one per watched calendar.</param>
/// <param name="Readers">The participant grain keys that read this account's calendars, ordered.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarAccountView")]
public sealed record CalendarAccountView(
    [property: Id(0)] string Provider,
    [property: Id(1)] bool Connected,
    [property: Id(2)] DateTimeOffset? AccessTokenExpiresAt,
    [property: Id(3)] IReadOnlyList<CalendarChannelView> Channels,
    [property: Id(4)] IReadOnlyList<string> Readers)
{
    /// <summary>The calendars with a stored sync token, ordered.</summary>
    [Id(5)]
    public IReadOnlyList<string> SyncedCalendars { get; init; } = [];

    /// <summary>The number of full (non-incremental) syncs done, e.g. after a sync token expired.</summary>
    [Id(6)]
    public int FullSyncs { get; init; }
}
