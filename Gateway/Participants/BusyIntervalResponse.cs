namespace Scheduler.Gateway.Participants;

/// <summary>One busy interval.</summary>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC, exclusive).</param>
/// <param name="Source"><c>calendar</c>, <c>block</c>, <c>booking</c> or <c>hold</c>.</param>
/// <param name="RequestId">The interview request of a booking or hold; otherwise <see langword="null"/>.</param>
/// <param name="Title">A label (block title); may be <see langword="null"/>.</param>
public sealed record BusyIntervalResponse(DateTimeOffset Start, DateTimeOffset End, BusySourceKind Source, string? RequestId, string? Title);
