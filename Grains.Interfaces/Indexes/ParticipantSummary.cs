using Scheduler.Grains.Participants;

namespace Scheduler.Grains.Indexes;

/// <summary>What an administrator's participant list shows about one participant.</summary>
/// <param name="Id">The participant id (without tenant).</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Kind">What the participant is.</param>
/// <param name="TimeZone">The IANA time zone id.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ParticipantSummary")]
public sealed record ParticipantSummary([property: Id(0)] string Id, [property: Id(1)] string DisplayName, [property: Id(2)] ParticipantKind Kind, [property: Id(3)] string TimeZone);
