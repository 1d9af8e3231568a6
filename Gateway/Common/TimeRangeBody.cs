namespace Scheduler.Gateway.Common;

/// <summary>A half-open interval of instants <c>[start, end)</c> as RFC 3339 strings.</summary>
public sealed record TimeRangeBody
{
    /// <summary>The first instant.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The instant just after the interval; after <c>start</c>.</summary>
    public DateTimeOffset? End { get; init; }
}
