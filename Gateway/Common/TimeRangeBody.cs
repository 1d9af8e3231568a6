namespace Scheduler.Gateway.Common;

/// <summary>A half-open interval of instants <c>[start, end)</c> as RFC 3339 strings.</summary>
public sealed record TimeRangeBody
{
    /// <summary>The first instant.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The instant just after the interval; after <c>start</c>.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Checks a search window: both ends, end after start, at most <see cref="FieldRules.MaxWindowDays"/> days (<see cref="FieldRules.CheckWindow"/>), ending after <paramref name="now"/>.</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="path">The window's field path, e.g. <c>window</c>.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool CheckSearchWindow(ValidationErrors errors, string path, DateTimeOffset now) =>
        FieldRules.CheckWindow(errors, path, Start, End) && errors.Require(End > now, FieldPath.Member(path, "end"), "The window must end in the future.");

    /// <summary>The interval in UTC.</summary>
    /// <returns>The range.</returns>
    /// <exception cref="InvalidOperationException">An end is missing (the body was not checked).</exception>
    public TimeRange ToRange() => new(Start!.Value.ToUniversalTime(), End!.Value.ToUniversalTime());
}
