namespace Scheduler.Gateway.InterviewRequests;

/// <summary>Why a batch item was rejected.</summary>
/// <param name="Detail">A one-line summary.</param>
/// <param name="Errors">Field paths within the item (e.g. <c>stages[0].durationMinutes</c>) and what is wrong with them.</param>
public sealed record BatchItemError(string Detail, IReadOnlyDictionary<string, string[]> Errors);
