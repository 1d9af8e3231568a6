using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Tests.Membership;

public sealed class MemoryMembershipTableContractTests : MembershipTableContractTests
{
    protected override Task<IMembershipTable> CreateTableAsync(string clusterId) => Task.FromResult<IMembershipTable>(new MemoryMembershipTable(clusterId));
}
