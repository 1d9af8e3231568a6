using Scheduler.Gateway.InterviewRequests;

namespace Scheduler.Gateway.Demo;

/// <summary>
/// The demo tenant's interview requests, so the board has something to show: three requests in propose mode (external ids
/// <c>demo-1</c> to <c>demo-3</c>) for the coming week, submitted through the same <see cref="RequestSubmitter"/> as the API.
/// Idempotent: after a restart on the same data the external ids name the requests already stored. Proposals hold no time,
/// so the README's walkthrough finds the same free slots.
/// </summary>
public static class DemoRequests
{
    /// <summary>The external ids of the demo requests.</summary>
    public static readonly IReadOnlyList<string> ExternalIds = ["demo-1", "demo-2", "demo-3"];

    /// <summary>Submits the demo requests (or finds them).</summary>
    /// <param name="grains">The demo tenant's grains.</param>
    /// <param name="submitter">The API's submitter.</param>
    /// <param name="now">The current time; the window runs from the next UTC midnight for eight days.</param>
    /// <param name="cancellationToken">Stops between submissions.</param>
    /// <returns>The request ids, in the order of <see cref="ExternalIds"/>.</returns>
    public static async Task<IReadOnlyList<string>> SubmitAsync(TenantGrains grains, RequestSubmitter submitter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(submitter);
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var window = new TimeRange(start, start.AddDays(8));
        var backend = new[] { new PoolSlotSpec(DemoDataset.PoolId, 1) };
        var specs = new[]
        {
            new InterviewRequestSpec("ada", [new StageSpec("technical", 60, []) { Pools = backend }, new StageSpec("hiring-manager", 45, ["maya"])], window) { ExternalId = ExternalIds[0] },
            new InterviewRequestSpec("grace", [new StageSpec("technical", 60, []) { Pools = backend }], window) { ExternalId = ExternalIds[1] },
            new InterviewRequestSpec("ada", [new StageSpec("culture", 45, ["jonas"])], window) { ExternalId = ExternalIds[2] },
        };
        var ids = new List<string>(specs.Length);
        foreach (var spec in specs)
        {
            var outcome = await submitter.SubmitAsync(grains, spec, RequestSubmitter.ClaimKey(spec.ExternalId, null), cancellationToken);
            ids.Add(outcome.Request.Id);
        }

        return ids;
    }
}
