namespace Scheduler.Grains.Notifications;

/// <summary>An interaction in a tenant's Slack inbox and how it was handled.</summary>
/// <param name="Interaction">The interaction.</param>
/// <param name="Status">Pending, done or failed.</param>
/// <param name="AcceptedAt">When it was stored (UTC).</param>
/// <param name="Attempts">Handling attempts so far.</param>
/// <param name="ProcessedAt">When it was done or given up (UTC).</param>
/// <param name="Outcome">What handling did (for example "selected p1"), or the last error.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SlackInboxItem")]
public sealed record SlackInboxItem([property: Id(0)] SlackInteractionRecord Interaction, [property: Id(1)] SlackInboxStatus Status, [property: Id(2)] DateTimeOffset AcceptedAt, [property: Id(3)] int Attempts, [property: Id(4)] DateTimeOffset? ProcessedAt, [property: Id(5)] string? Outcome);
