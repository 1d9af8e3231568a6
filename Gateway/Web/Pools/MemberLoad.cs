namespace Scheduler.Gateway.Web.Pools;

/// <summary>One pool member's interviews: how many in each of the last weeks, and how many are booked ahead.</summary>
/// <param name="ParticipantId">The member's participant id.</param>
/// <param name="DisplayName">The member's name (the id when the participant is gone).</param>
/// <param name="Weekly">Interviews that started in each of the last <see cref="PoolLoadReader.Weeks"/> seven-day periods before now, oldest first.</param>
/// <param name="Ahead">Booked interviews that start now or later.</param>
public sealed record MemberLoad(string ParticipantId, string DisplayName, IReadOnlyList<int> Weekly, int Ahead)
{
    /// <summary>The interviews of the last weeks together.</summary>
    public int Past => Weekly.Sum();
}
