using System.Collections.Concurrent;

namespace Scheduler.Gateway.Common;

/// <summary>Answers what participants and pools are in a tenant, asking each grain once per instance (one HTTP request or batch).</summary>
/// <param name="grains">The tenant's grains.</param>
public sealed class ReferenceChecker(TenantGrains grains)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ParticipantKind?>>> _participants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<int?>>> _pools = new(StringComparer.Ordinal);

    /// <summary>The participant's kind.</summary>
    /// <param name="id">A valid participant id.</param>
    /// <returns>The kind from its profile; <see langword="null"/> when it has none (unknown participant).</returns>
    public Task<ParticipantKind?> KindOf(string id) =>
        _participants.GetOrAdd(id, key => new Lazy<Task<ParticipantKind?>>(async () => (await grains.Participant(key).GetProfile())?.Kind)).Value;

    /// <summary>How many members the pool has.</summary>
    /// <param name="id">A valid pool id.</param>
    /// <returns>The member count; <see langword="null"/> when the pool does not exist.</returns>
    public Task<int?> PoolSize(string id) =>
        _pools.GetOrAdd(id, key => new Lazy<Task<int?>>(async () => (await grains.Pool(key).Get())?.Members.Count)).Value;

    /// <summary>What is wrong with naming <paramref name="id"/> as a candidate.</summary>
    /// <param name="id">A valid participant id.</param>
    /// <returns>The error message, or <see langword="null"/> when it is a known participant.</returns>
    public async Task<string?> CandidateError(string id) =>
        await KindOf(id) is null ? $"Unknown participant '{FieldRules.Echo(id)}'." : null;

    /// <summary>What is wrong with naming <paramref name="id"/> as an interviewer or pool member.</summary>
    /// <param name="id">A valid participant id.</param>
    /// <returns>The error message, or <see langword="null"/> when it is a known participant who is not a candidate.</returns>
    public async Task<string?> InterviewerError(string id) => await KindOf(id) switch
    {
        null => $"Unknown participant '{FieldRules.Echo(id)}'.",
        ParticipantKind.Candidate => $"'{FieldRules.Echo(id)}' is a candidate and cannot interview.",
        _ => null,
    };
}
