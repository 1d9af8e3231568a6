using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.Web.Prep;

/// <summary>What became of planning from the prep planner page.</summary>
/// <param name="Plan">The plan; <see langword="null"/> when none was made.</param>
/// <param name="Errors">Field errors by the body's field name; empty unless the settings were invalid.</param>
/// <param name="Message">Why no plan was made (not allowed, unknown request, not booked); <see langword="null"/> when planned.</param>
public sealed record PrepPlanResult(PrepPlanView? Plan, IReadOnlyDictionary<string, string[]> Errors, string? Message);
