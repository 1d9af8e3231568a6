namespace Scheduler.Grains.Tests;

/// <summary>The test tenant's (<see cref="GrainTestCluster.Tenant"/>) grains by their ids within it, from any grain factory.</summary>
internal static class TenantGrains
{
    public static IParticipantGrain Participant(this IGrainFactory grains, string id) =>
        grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, id));

    public static IInterviewRequestGrain Request(this IGrainFactory grains, string id) =>
        grains.GetGrain<IInterviewRequestGrain>(GrainTestCluster.RequestKey(id));

    public static IInterviewerPoolGrain Pool(this IGrainFactory grains, string id) =>
        grains.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(GrainTestCluster.Tenant, id));
}
