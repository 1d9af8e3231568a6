using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>One silo's suspicion that another silo is dead.</summary>
/// <param name="Suspecter">The silo that suspects.</param>
/// <param name="Time">When it voted (UTC).</param>
public sealed record SuspectVote(SiloAddress Suspecter, DateTimeOffset Time);
