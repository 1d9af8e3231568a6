namespace Scheduler.Grains.Participants;

/// <summary>The calendar providers a participant's <see cref="CalendarSpec.Provider"/> may name: the API's contract, whichever are configured.</summary>
public static class CalendarProviders
{
    /// <summary>Providers read over a connected account (<see cref="CalendarSpec.AccountId"/>): <c>google</c>, <c>microsoft</c>.</summary>
    public static readonly IReadOnlyList<string> Accounts = ["google", "microsoft"];

    /// <summary>Every provider: <c>ics</c>, <c>caldav</c>, then <see cref="Accounts"/>.</summary>
    public static readonly IReadOnlyList<string> All = ["ics", "caldav", .. Accounts];

    /// <summary>Whether <paramref name="provider"/> is one of <see cref="All"/> (ordinal, lower case).</summary>
    /// <param name="provider">The name; may be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public static bool IsKnown(string? provider) => provider is not null && All.Contains(provider, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="provider"/> is one of <see cref="Accounts"/>.</summary>
    /// <param name="provider">The name; may be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when it is an account provider.</returns>
    public static bool IsAccount(string? provider) => provider is not null && Accounts.Contains(provider, StringComparer.Ordinal);
}
