namespace Scheduler.Grains;

/// <summary>An interaction in a tenant's Slack inbox and how it was handled.</summary>
/// <param name="Interaction">The interaction.</param>
/// <param name="Status">Pending, done or failed.</param>
/// <param name="AcceptedAt">When it was stored (UTC).</param>
/// <param name="Attempts">Handling attempts so far.</param>
/// <param name="ProcessedAt">When it was done or given up (UTC).</param>
/// <param name="Outcome">What handling did (for example "selected p1"), or the last error.</param>
public sealed record SlackInboxItem(SlackInteractionRecord Interaction, SlackInboxStatus Status, DateTimeOffset AcceptedAt, int Attempts, DateTimeOffset? ProcessedAt, string? Outcome);
