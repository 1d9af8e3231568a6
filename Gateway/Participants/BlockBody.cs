namespace Scheduler.Gateway.Participants;

/// <summary>An explicit busy block (out of office, focus time).</summary>
public sealed record BlockBody
{
    /// <summary>The first busy instant (RFC 3339).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The end (exclusive); after <c>start</c>.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>An optional label, up to 200 characters.</summary>
    public string? Title { get; init; }
}
