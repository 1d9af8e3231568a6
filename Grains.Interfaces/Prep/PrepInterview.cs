namespace Scheduler.Grains.Prep;

/// <summary>The booked interview a prep plan is for, as the request grain tells it.</summary>
/// <param name="CandidateId">The candidate's participant id (without tenant).</param>
/// <param name="Slot">From the first stage's start to the last stage's end (UTC).</param>
/// <param name="StageNames">The stage names, in order (for titles).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Prep.PrepInterview")]
public sealed record PrepInterview([property: Id(0)] string CandidateId, [property: Id(1)] TimeRange Slot, [property: Id(2)] IReadOnlyList<string> StageNames);
