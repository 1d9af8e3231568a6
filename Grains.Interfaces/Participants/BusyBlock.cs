namespace Scheduler.Grains;

/// <summary>An explicit busy block of a participant (out of office, focus time).</summary>
/// <param name="Start">The first busy instant.</param>
/// <param name="End">The end (exclusive); after <paramref name="Start"/>.</param>
/// <param name="Title">An optional label; may be <see langword="null"/>.</param>
public sealed record BusyBlock(DateTimeOffset Start, DateTimeOffset End, string? Title);
