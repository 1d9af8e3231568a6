using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Testing;

/// <summary>What the silos of a <see cref="TestCluster"/> share, as the silos of a real cluster share DynamoDB: membership table, reminder table, grain storage, membership timings.</summary>
internal sealed class TestClusterShared(MembershipOptions membershipOptions)
{
    public IMembershipTable Membership { get; } = new MemoryMembershipTable();

    public IReminderTable Reminders { get; } = new MemoryReminderTable();

    public IGrainStorage Storage { get; } = new MemoryGrainStorage();

    public MembershipOptions MembershipOptions { get; } = membershipOptions;
}
