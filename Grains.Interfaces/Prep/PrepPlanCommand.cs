namespace Scheduler.Grains.Prep;

/// <summary>Plan (or re-plan) prep for a booked interview with these settings.</summary>
/// <param name="Interview">The booked interview.</param>
/// <param name="Settings">The settings; they replace the plan's earlier ones.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Prep.PrepPlanCommand")]
public sealed record PrepPlanCommand([property: Id(0)] PrepInterview Interview, [property: Id(1)] PrepSpec Settings);
