using System.Text.Json.Serialization;

namespace Scheduler.Grains.Requests;

/// <summary>A stage placed in time.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC, exclusive).</param>
/// <param name="InterviewerIds">Everyone who interviews in it (panel and chosen pool members), without the candidate.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ScheduledStageView")]
public sealed record ScheduledStageView([property: Id(0)] string Name, [property: Id(1)] DateTimeOffset Start, [property: Id(2)] DateTimeOffset End, [property: Id(3)] IReadOnlyList<string> InterviewerIds)
{
    /// <summary>
    /// The stage's video meeting (an absolute https URL: a Google Meet or Teams join link), once the host's calendar made
    /// it (see <see cref="InterviewRequestSpec.Conferencing"/>); <see langword="null"/> before that, without conferencing,
    /// and in proposals. Left out of JSON when <see langword="null"/>.
    /// </summary>
    [Id(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConferenceUrl { get; init; }
}
