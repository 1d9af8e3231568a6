using System.Reflection;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Imports;
using Scheduler.Grains.Indexes;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Prep;
using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Common;

/// <summary>
/// Grain references scoped to the caller's tenant: every id becomes the key <c>{tenant}/{id}</c>, so
/// another tenant's ids simply do not exist here. Bound as an endpoint parameter from the
/// authenticated caller's <c>tenant</c> claim.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="tenant">The tenant.</param>
public sealed class TenantGrains(IGrainFactory factory, string tenant)
{
    /// <summary>The tenant.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>Binds from the request: the tenant claim of the authenticated caller and the registered grain factory.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="parameter">The parameter being bound.</param>
    /// <returns>The scoped grains.</returns>
    /// <exception cref="InvalidOperationException">The caller has no tenant claim (prevented by the <c>/v1</c> policies).</exception>
    public static ValueTask<TenantGrains?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<TenantGrains?>(new TenantGrains(context.RequestServices.GetRequiredService<IGrainFactory>(), context.User.GetTenant()));
    }

    /// <summary>The participant <paramref name="id"/>.</summary>
    /// <param name="id">The participant id.</param>
    /// <returns>The reference.</returns>
    public IParticipantGrain Participant(string id) => factory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id));

    /// <summary>The profile of the participant <paramref name="id"/>; no grain is called for an id that is not valid.</summary>
    /// <param name="id">A participant id as the caller gave it.</param>
    /// <param name="cancellationToken">Stops waiting for the grain.</param>
    /// <returns>The profile; <see langword="null"/> when the id is not valid (<see cref="FieldRules.IsValidId"/>) or the participant does not exist.</returns>
    public async Task<ParticipantProfile?> FindParticipant(string? id, CancellationToken cancellationToken = default) =>
        FieldRules.IsValidId(id) ? await Participant(id!).GetProfile().WaitAsync(cancellationToken) : null;

    /// <summary>The interview request <paramref name="id"/>.</summary>
    /// <param name="id">The request id.</param>
    /// <returns>The reference.</returns>
    public IInterviewRequestGrain Request(string id) => factory.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, id));

    /// <summary>The interview request <paramref name="id"/> as <see cref="IInterviewRequestGrain.Get"/> shows it; no grain is called for an id that is not valid.</summary>
    /// <param name="id">A request id as the caller gave it.</param>
    /// <param name="cancellationToken">Stops waiting for the grain.</param>
    /// <returns>The request; <see langword="null"/> when the id is not valid (<see cref="FieldRules.IsValidId"/>) or the request does not exist.</returns>
    public async Task<InterviewRequestView?> FindRequest(string? id, CancellationToken cancellationToken = default) =>
        FieldRules.IsValidId(id) ? await Request(id!).Get().WaitAsync(cancellationToken) : null;

    /// <summary>The prep plan of the interview request <paramref name="id"/> (same key as the request).</summary>
    /// <param name="id">The request id.</param>
    /// <returns>The reference.</returns>
    public IPrepPlanGrain PrepPlan(string id) => factory.GetGrain<IPrepPlanGrain>(GrainKeys.For(Tenant, id));

    /// <summary>The calendar account <paramref name="accountId"/> of <paramref name="provider"/>.</summary>
    /// <param name="provider"><c>google</c> or <c>microsoft</c>.</param>
    /// <param name="accountId">The account id (1–128 characters without <c>/</c>).</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">A part is empty, too long or contains <c>/</c>.</exception>
    public ICalendarAccountGrain CalendarAccount(string provider, string accountId) =>
        factory.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(Tenant, provider, accountId));

    /// <summary>The pool <paramref name="id"/>.</summary>
    /// <param name="id">The pool id.</param>
    /// <returns>The reference.</returns>
    public IInterviewerPoolGrain Pool(string id) => factory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, id));

    /// <summary>The pool <paramref name="id"/>; no grain is called for an id that is not valid.</summary>
    /// <param name="id">A pool id as the caller gave it.</param>
    /// <param name="cancellationToken">Stops waiting for the grain.</param>
    /// <returns>The pool; <see langword="null"/> when the id is not valid (<see cref="FieldRules.IsValidId"/>) or the pool does not exist.</returns>
    public async Task<PoolView?> FindPool(string? id, CancellationToken cancellationToken = default) =>
        FieldRules.IsValidId(id) ? await Pool(id!).Get().WaitAsync(cancellationToken) : null;

    /// <summary>The tenant's notification settings (follow-ups after interviews).</summary>
    /// <returns>The reference.</returns>
    public INotificationSettingsGrain NotificationSettings() => factory.GetGrain<INotificationSettingsGrain>(Tenant);

    /// <summary>The tenant's scheduling settings (preference learning).</summary>
    /// <returns>The reference.</returns>
    public ISchedulingSettingsGrain SchedulingSettings() => factory.GetGrain<ISchedulingSettingsGrain>(Tenant);

    /// <summary>The idempotency claim of an external id or idempotency key.</summary>
    /// <param name="key">The external id, or <c>idempotency-key:</c> followed by the header value.</param>
    /// <returns>The reference.</returns>
    public IExternalIdGrain ExternalId(string key) => factory.GetGrain<IExternalIdGrain>(GrainKeys.For(Tenant, key));

    /// <summary>The record of the web app's batch import <paramref name="id"/>.</summary>
    /// <param name="id">The import id.</param>
    /// <returns>The reference.</returns>
    public IBatchImportGrain Import(string id) => factory.GetGrain<IBatchImportGrain>(GrainKeys.For(Tenant, id));

    /// <summary>One page of the tenant's request list, merged across the index shards.</summary>
    /// <param name="query">Filters, cursor and page size.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The cursor is not valid.</exception>
    public Task<RequestPage> ListRequests(RequestListQuery query) => RequestIndexReader.ListAsync(factory, Tenant, query);

    /// <summary>One page of the tenant's participants, ordered by id, merged across the directory's shards.</summary>
    /// <param name="query">Kind, cursor and page size.</param>
    /// <returns>The page.</returns>
    public Task<DirectoryPage<ParticipantSummary>> ListParticipants(DirectoryListQuery query) => TenantDirectoryReader.ListParticipantsAsync(factory, Tenant, query);

    /// <summary>One page of the tenant's pools, ordered by id, merged across the directory's shards.</summary>
    /// <param name="query">Cursor and page size.</param>
    /// <returns>The page.</returns>
    public Task<DirectoryPage<PoolSummary>> ListPools(DirectoryListQuery query) => TenantDirectoryReader.ListPoolsAsync(factory, Tenant, query);

    /// <summary>The tenant's pools that have the participant as a member.</summary>
    /// <param name="participantId">The participant id.</param>
    /// <returns>The pool ids, ordered by id.</returns>
    public Task<IReadOnlyList<string>> PoolsWithMember(string participantId) => TenantDirectoryReader.PoolsWithMemberAsync(factory, Tenant, participantId);

    /// <summary>Removes this tenant's <c>{tenant}/</c> prefix from a grain key.</summary>
    /// <param name="key">A key or a plain id.</param>
    /// <returns>The id within the tenant.</returns>
    public string ToLocalId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = Tenant + "/";
        return key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
    }
}
