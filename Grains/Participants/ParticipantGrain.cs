using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Participants.Busy;
using Scheduler.Scheduling.Calendar;
using Scheduler.Scheduling.Participants;

namespace Scheduler.Grains.Participants;

/// <summary>
/// A participant: profile, blocks, busy cache, holds and bookings. Requests run one at a time,
/// so every hold decision sees every earlier one: two requests never get overlapping holds or
/// bookings. Any failed state write discards the activation so memory never runs ahead of storage.
/// </summary>
/// <param name="state">The durable state.</param>
/// <param name="time">The clock.</param>
/// <param name="sources">Registered calendar busy sources, one per provider.</param>
/// <param name="fetcher">Runs calendar reads in the background.</param>
/// <param name="log">The logger.</param>
/// <param name="protector">Protects CalDAV passwords at rest (<see cref="CalDavPasswords"/>); <see langword="null"/> on a silo without calendar accounts.</param>
[GrainType("participant")]
public sealed partial class ParticipantGrain(
    [PersistentState("participant")] IPersistentState<ParticipantState> state,
    TimeProvider time,
    IEnumerable<IBusySource> sources,
    CalendarFetcher fetcher,
    ILogger<ParticipantGrain> log,
    CalendarCredentialProtector? protector = null)
    : Grain, IParticipantGrain
{
    private static readonly TimeSpan MaxTtl = TimeSpan.FromHours(1);
    private static readonly TimeSpan NearWindow = TimeSpan.FromDays(1);
    private static readonly TimeSpan CapsLookBack = TimeSpan.FromDays(35);
    private static readonly TimeSpan PrefetchHorizon = TimeSpan.FromDays(21);

    private readonly BusyCache _busy = new([.. sources], fetcher, time);

    private ParticipantState S => state.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ProtectClearPasswordsAsync();
        Prefetch();
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// CalDAV passwords stored in clear (before they were protected at rest, or by a silo without the protector) are
    /// protected by the first activation on a silo that has it: one state write, and none when there is nothing to protect.
    /// Best effort: when the keys or the store fail, the activation goes on with the passwords as they were (they still
    /// work) and a later activation or profile write protects them.
    /// </summary>
    private async Task ProtectClearPasswordsAsync()
    {
        if (protector is null || S.Profile is not { } profile || !profile.Calendars.Any(c => CalDavPasswords.IsClear(c.Password)))
        {
            return;
        }

        try
        {
            S.Profile = profile with { Calendars = [.. profile.Calendars.Select(c => c.Password is { } stored ? c with { Password = CalDavPasswords.Protect(stored, protector) } : c)] };
            await state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            S.Profile = profile;
            WriteFailed(exception);
        }
    }

    /// <inheritdoc />
    public async Task<ParticipantProfile> UpsertProfile(ParticipantProfile profile)
    {
        ProfileValidator.Validate(profile);
        var previous = S.Profile?.Calendars ?? [];
        var calendars = profile.Calendars.Select(c =>
        {
            var password = c.Password ?? previous.FirstOrDefault(p => p.Provider == c.Provider && p.Url == c.Url && p.Username == c.Username)?.Password;
            return c with { Password = password is null ? null : CalDavPasswords.Protect(password, protector), HasPassword = password is not null };
        }).ToArray();
        S.Profile = profile with { Calendars = calendars };
        _busy.Clear();
        await PersistAsync();
        Prefetch();
        await ListInDirectoryAsync(S.Profile);
        await ForgetDroppedAccountsAsync(previous, calendars);
        await WatchForConflictsAsync();
        return WithoutSecrets(S.Profile);
    }

    /// <inheritdoc />
    public Task<ParticipantProfile?> GetProfile() => Task.FromResult(S.Profile is null ? null : WithoutSecrets(S.Profile));

    /// <inheritdoc />
    public async Task ReplaceBlocks(IReadOnlyList<BusyBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is null || blocks[i].End <= blocks[i].Start)
            {
                throw new ArgumentException("A block must end after it starts.", EngineMapping.Indexed("blocks", i) + ".end");
            }
        }

        _ = S.Profile ?? throw new InvalidOperationException($"Participant '{this.GetPrimaryKeyString()}' does not exist.");
        S.Blocks = [.. blocks.OrderBy(b => b.Start)];
        await PersistAsync();
    }

    /// <inheritdoc />
    public async Task<BusyView> GetBusy(TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (S.Profile is null)
        {
            return new BusyView([], null, false);
        }

        var (read, busy) = await ReadBusyAsync(S.Profile, range);
        var now = time.GetUtcNow();
        var all = busy
            .Concat(Entries(S.Bookings, BusySourceKind.Booking))
            .Concat(Entries(LiveHolds(now), BusySourceKind.Hold))
            .Where(i => i.Start < range.End && range.Start < i.End)
            .OrderBy(i => i.Start).ThenBy(i => i.End)
            .ToArray();
        return new BusyView(all, read.FetchedAt, read.Stale) { Calendars = read.Calendars };
    }

    /// <inheritdoc />
    public async Task<AvailabilityView> GetAvailability(AvailabilityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (S.Profile is null)
        {
            return new AvailabilityView([], []);
        }

        var data = await BuildInputAsync(query.Range, excludingRequestId: null);
        var input = EngineMapping.ToEngineInput(data);
        var window = EngineMapping.ToInterval(query.Range);
        var free = ParticipantAvailability.FreeIntervals(input, window);
        var slots = ParticipantAvailability.Slots(input, window, query.DurationMinutes, query.GranularityMinutes);
        return new AvailabilityView([.. free.Select(EngineMapping.ToRange)], [.. slots.Select(EngineMapping.ToRange)]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimeRange>> GetWorkingTime(TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (S.Profile is not { } profile)
        {
            return Task.FromResult<IReadOnlyList<TimeRange>>([]);
        }

        var working = WorkingHours.Materialize(
            EngineMapping.ParseZone(profile.TimeZone, "timeZone"),
            EngineMapping.ToRules(profile.WorkingHours, "workingHours"),
            EngineMapping.ToOverrides(profile.DateOverrides, "dateOverrides"),
            EngineMapping.ToInterval(range));
        return Task.FromResult<IReadOnlyList<TimeRange>>([.. working.Select(EngineMapping.ToRange)]);
    }

    /// <inheritdoc />
    public Task<ParticipantAvailabilityData> GetAvailabilityInput(AvailabilityInputQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return BuildInputAsync(query.Window, query.RequestId);
    }

    /// <inheritdoc />
    public async Task<HoldOutcome> TryHold(HoldRequest request)
    {
        if (InvalidOrAlreadyBooked(request) is { } answered)
        {
            return answered;
        }

        var now = time.GetUtcNow();

        var refusal = await CheckAsync(request, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var expiresAt = now + request.Ttl;
        S.Holds.RemoveAll(h => h.RequestId == request.RequestId || h.ExpiresAt <= now);
        S.Holds.Add(new ParticipantBooking(request.RequestId, [.. request.Intervals.OrderBy(i => i.Start)], request.CountsTowardCaps, now, expiresAt));
        await PersistAsync();
        return new HoldOutcome(true, HoldRefusal.None, null, expiresAt);
    }

    /// <inheritdoc />
    public async Task<HoldOutcome> ConfirmHold(HoldRequest request)
    {
        if (InvalidOrAlreadyBooked(request) is { } answered)
        {
            return answered;
        }

        var now = time.GetUtcNow();
        var hold = S.Holds.FirstOrDefault(h => h.RequestId == request.RequestId && h.ExpiresAt > now && SameIntervals(h.Intervals, request.Intervals));
        if (hold is null && await CheckAsync(request, now) is { } refusal)
        {
            return refusal;
        }

        S.Holds.RemoveAll(h => h.RequestId == request.RequestId || h.ExpiresAt <= now);
        S.Bookings.RemoveAll(b => b.RequestId == request.RequestId);
        var booking = new ParticipantBooking(request.RequestId, [.. request.Intervals.OrderBy(i => i.Start)], request.CountsTowardCaps, now, null)
        {
            Conferencing = request.Conferencing,
            HostedStarts = request.HostedStarts,
        };
        S.Bookings.Add(booking);
        await PersistAsync();
        await MirrorBookingAsync(booking);
        await WatchForConflictsAsync();
        return new HoldOutcome(true, HoldRefusal.None, null, null);
    }

    /// <inheritdoc />
    public async Task ReleaseHold(string requestId)
    {
        var now = time.GetUtcNow();
        if (S.Holds.RemoveAll(h => h.RequestId == requestId || h.ExpiresAt <= now) > 0)
        {
            await PersistAsync();
        }
    }

    /// <inheritdoc />
    public async Task CancelBooking(string requestId)
    {
        var now = time.GetUtcNow();
        var booked = S.Bookings.FirstOrDefault(b => b.RequestId == requestId);
        var removed = S.Holds.RemoveAll(h => h.RequestId == requestId || h.ExpiresAt <= now);
        removed += S.Bookings.RemoveAll(b => b.RequestId == requestId);
        if (removed > 0)
        {
            await PersistAsync();
        }

        if (booked is not null)
        {
            await MirrorBookingAsync(booked with { Intervals = [] });
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ParticipantBooking>> ListBookings() =>
        Task.FromResult<IReadOnlyList<ParticipantBooking>>([.. S.Bookings.OrderBy(b => b.Intervals[0].Start)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<ParticipantBooking>> ListHolds() =>
        Task.FromResult<IReadOnlyList<ParticipantBooking>>([.. LiveHolds(time.GetUtcNow()).OrderBy(b => b.Intervals[0].Start)]);

    /// <summary>The answer to a hold or confirm that needs no further work: invalid input, or the same intervals already booked for this request (idempotent).</summary>
    private HoldOutcome? InvalidOrAlreadyBooked(HoldRequest request)
    {
        if (Invalid(request) is { } invalid)
        {
            return invalid;
        }

        var existing = S.Bookings.FirstOrDefault(b => b.RequestId == request.RequestId);
        return existing is not null && SameIntervals(existing.Intervals, request.Intervals)
            ? new HoldOutcome(true, HoldRefusal.None, null, null)
            : null;
    }

    private static HoldOutcome? Invalid(HoldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.RequestId) || request.Intervals is not { Count: > 0 } || request.Intervals.Any(i => i is null || i.End <= i.Start))
        {
            return new HoldOutcome(false, HoldRefusal.Invalid, "A hold needs a request id and intervals that end after they start.", null);
        }

        return request.Ttl < TimeSpan.FromSeconds(1) || request.Ttl > MaxTtl
            ? new HoldOutcome(false, HoldRefusal.Invalid, "The hold TTL must be between 1 s and 1 h.", null)
            : null;
    }

    private static bool SameIntervals(IReadOnlyList<TimeRange> a, IReadOnlyList<TimeRange> b) =>
        a.Count == b.Count && a.OrderBy(i => i.Start).SequenceEqual(b.OrderBy(i => i.Start));

    private static ParticipantProfile WithoutSecrets(ParticipantProfile profile) =>
        profile with { Calendars = [.. profile.Calendars.Select(c => c with { Password = null })] };

    private static IEnumerable<BusyInterval> Entries(IEnumerable<ParticipantBooking> entries, BusySourceKind kind) =>
        entries.SelectMany(e => e.Intervals.Select(i => new BusyInterval(i.Start, i.End, kind) { RequestId = e.RequestId }));

    private IEnumerable<ParticipantBooking> LiveHolds(DateTimeOffset now) => S.Holds.Where(h => h.ExpiresAt > now);

    private IEnumerable<ParticipantBooking> OthersThan(string? requestId, DateTimeOffset now) =>
        S.Bookings.Concat(LiveHolds(now)).Where(e => e.RequestId != requestId);

    private async Task<HoldOutcome?> CheckAsync(HoldRequest request, DateTimeOffset now)
    {
        var profile = S.Profile;
        if (profile is null)
        {
            return new HoldOutcome(false, HoldRefusal.UnknownParticipant, $"Participant '{this.GetPrimaryKeyString()}' does not exist.", null);
        }

        var hull = new TimeRange(request.Intervals.Min(i => i.Start) - NearWindow, request.Intervals.Max(i => i.End) + NearWindow);
        var (_, busy) = await ReadBusyAsync(profile, hull);
        var (refusal, message) = HoldChecker.Check(profile, busy, OthersThan(request.RequestId, now), request.Intervals, request.CountsTowardCaps);
        if (refusal == HoldRefusal.None)
        {
            return null;
        }

        log.HoldRefused(this.GetPrimaryKeyString(), request.RequestId, refusal);
        return new HoldOutcome(false, refusal, message, null);
    }

    private async Task<ParticipantAvailabilityData> BuildInputAsync(TimeRange window, string? excludingRequestId)
    {
        var (_, id) = GrainKeys.Split(this.GetPrimaryKeyString());
        var profile = S.Profile;
        if (profile is null)
        {
            return new ParticipantAvailabilityData(id, false, "UTC", []);
        }

        var now = time.GetUtcNow();
        var near = new TimeRange(window.Start - NearWindow, window.End + NearWindow);
        var (read, busy) = await ReadBusyAsync(profile, near);
        var before = TimeSpan.FromMinutes(profile.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(profile.BufferAfterMinutes);
        var others = OthersThan(excludingRequestId, now).ToList();
        var widenedOthers = others.SelectMany(o => o.Intervals)
            .Where(i => i.Start < near.End && near.Start < i.End)
            .Select(i => new TimeRange(i.Start - before, i.End + after));
        var starts = others.Where(o => o.CountsTowardCaps)
            .SelectMany(o => o.Intervals.Select(i => i.Start))
            .Where(s => s >= window.Start - CapsLookBack && s < window.End + NearWindow)
            .Order()
            .ToArray();
        return new ParticipantAvailabilityData(id, true, profile.TimeZone, profile.WorkingHours)
        {
            DateOverrides = profile.DateOverrides,
            Busy = [.. busy.Select(b => new TimeRange(b.Start, b.End)).Concat(widenedOthers).OrderBy(b => b.Start)],
            BufferBeforeMinutes = profile.BufferBeforeMinutes,
            BufferAfterMinutes = profile.BufferAfterMinutes,
            MaxInterviewsPerDay = profile.MaxInterviewsPerDay,
            MaxInterviewsPerWeek = profile.MaxInterviewsPerWeek,
            BookedInterviewStarts = starts,
            PreferredTimes = profile.PreferredTimes,
            StaleCalendars = [.. read.Calendars.Where(c => c.Stale)],
            PreferenceHistory = S.PreferenceHistory,
        };
    }

    /// <summary>
    /// The busy time of the calendars (from the data held; see <see cref="BusyCache"/>) and of the explicit blocks in a
    /// range, with the calendars' freshness.
    /// </summary>
    private async Task<(BusyRead Read, IReadOnlyList<BusyInterval> Busy)> ReadBusyAsync(ParticipantProfile profile, TimeRange range)
    {
        var read = await _busy.GetAsync(this.GetPrimaryKeyString(), profile, range);
        await ForeignEventsFoundAsync(read.Foreign.Select(b => (new TimeRange(b.Start, b.End), $"An event in calendar {b.Calendar} overlaps the interview.")), WritesThroughAccounts(profile));
        var blocks = S.Blocks
            .Where(b => b.Start < range.End && range.Start < b.End)
            .Select(b => new BusyInterval(b.Start, b.End, BusySourceKind.Block) { Title = b.Title });
        return (read, [.. read.Intervals.Select(i => i with { Source = BusySourceKind.Calendar }).Concat(blocks)]);
    }

    /// <summary>Starts reading the calendars for the coming weeks, so the first questions find data.</summary>
    private void Prefetch()
    {
        if (S.Profile is { Calendars.Count: > 0 } profile)
        {
            var now = time.GetUtcNow();
            _busy.Prefetch(this.GetPrimaryKeyString(), profile, new TimeRange(now, now + PrefetchHorizon));
        }
    }

    private Task PersistAsync() => this.WriteOrDeactivateAsync(() => state.WriteStateAsync(), WriteFailed);

    private void WriteFailed(Exception exception) => log.WriteFailed(exception, this.GetPrimaryKeyString());
}
