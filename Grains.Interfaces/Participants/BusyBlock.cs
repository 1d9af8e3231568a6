namespace Scheduler.Grains.Participants;

/// <summary>An explicit busy block of a participant (out of office, focus time).</summary>
/// <param name="Start">The first busy instant.</param>
/// <param name="End">The end (exclusive); after <paramref name="Start"/>.</param>
/// <param name="Title">An optional label; may be <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BusyBlock")]
public sealed record BusyBlock([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End, [property: Id(2)] string? Title);
