using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Gateway.Participants;

/// <summary>
/// <c>DELETE /v1/participants/{id}</c>. The participant grain decides in its own turn whether anything still needs it
/// (bookings that have not ended, live holds) and deletes itself only when nothing does, so a booking made meanwhile is
/// never lost. With <c>force</c> the requests in the way are cancelled first through their own cancel command (which
/// releases the participant and notifies people like any cancel), and the delete waits until each of them has handed
/// its notices to the outbox: the recipients are read from the profiles then, and the participant must still exist.
/// Participant grains never call request grains synchronously, so this runs here and not in the grain.
/// </summary>
public static class ParticipantRemover
{
    /// <summary>The reason recorded on requests cancelled by a forced delete.</summary>
    public const string CancelReason = "participant removed";

    private const int MaxRounds = 3;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Deletes the participant.</summary>
    /// <param name="grains">The caller's tenant.</param>
    /// <param name="id">The participant id.</param>
    /// <param name="force">Whether to cancel the requests that still need the participant.</param>
    /// <param name="time">The clock that paces the wait for cancellations.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns><c>204</c>; <c>404</c> when it does not exist; <c>409</c> naming the pools or requests in the way; <c>503</c> when cancellations did not settle within 30 s.</returns>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(TenantGrains grains, string id, bool force, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!FieldRules.IsValidId(id))
        {
            return ApiProblems.NotFound("participant", id);
        }

        var grain = grains.Participant(id);
        if (await grain.GetProfile().WaitAsync(cancellationToken) is null)
        {
            await grain.Delete().WaitAsync(cancellationToken);
            return ApiProblems.NotFound("participant", id);
        }

        var pools = await grains.PoolsWithMember(id).WaitAsync(cancellationToken);
        if (pools.Count > 0)
        {
            return ApiProblems.Conflict(
                $"Participant '{FieldRules.Echo(id)}' is a member of the pools {Quoted(pools)}; remove it from them first.", "pools", pools);
        }

        for (var round = 0; ; round++)
        {
            var deletion = await grain.Delete().WaitAsync(cancellationToken);
            if (deletion.Deleted)
            {
                return TypedResults.NoContent();
            }

            if (!deletion.Existed)
            {
                return ApiProblems.NotFound("participant", id);
            }

            var requestIds = deletion.ActiveRequestKeys.Select(grains.ToLocalId).ToArray();
            if (!force || round == MaxRounds)
            {
                return ApiProblems.Conflict(
                    $"Participant '{FieldRules.Echo(id)}' has bookings or holds of the interview requests {Quoted(requestIds)}; cancel them first, or delete with force=true.",
                    "requestIds",
                    requestIds);
            }

            if (!await CancelAsync(grains, grain, requestIds, deletion.ActiveRequestKeys, time, cancellationToken))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The cancellations are still in progress.",
                    detail: $"The interview requests {Quoted(requestIds)} were cancelled but have not finished notifying; repeat the DELETE.");
            }
        }
    }

    /// <summary>Cancels each request (or, when it cannot be cancelled, releases the participant from it), then waits until none has queued work.</summary>
    private static async Task<bool> CancelAsync(
        TenantGrains grains, IParticipantGrain participant, string[] requestIds, IReadOnlyList<string> requestKeys, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var i = 0; i < requestIds.Length; i++)
        {
            var outcome = await grains.Request(requestIds[i]).Cancel(CancelReason).WaitAsync(cancellationToken);
            if (!outcome.Applied)
            {
                // Completed, failed or unknown requests keep no claim on the participant's time.
                await participant.CancelBooking(requestKeys[i]).WaitAsync(cancellationToken);
            }
        }

        var deadline = time.GetUtcNow() + SettleTimeout;
        foreach (var requestId in requestIds)
        {
            while (await grains.Request(requestId).HasQueuedWork().WaitAsync(cancellationToken))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    return false;
                }

                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }

        return true;
    }

    private static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(i => $"'{FieldRules.Echo(i)}'"));
}
