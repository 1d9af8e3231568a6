using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Participants;

/// <summary>
/// One participant (candidate, interviewer, coordinator, room), key <c>{tenant}/{participantId}</c>.
/// It owns the profile, explicit busy blocks, the busy cache of its calendars, and its holds and
/// bookings: it is the authority against double-booking and never grants overlapping holds or
/// bookings (widened by its buffers) to two different requests. It never calls request grains
/// synchronously.
/// </summary>
[Alias("Scheduler.Grains.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile.</summary>
    /// <param name="profile">The profile. A <see cref="CalendarSpec.Password"/> left <see langword="null"/> keeps the stored one for the same provider and URL.</param>
    /// <returns>The stored profile as <see cref="GetProfile"/> returns it (secrets removed).</returns>
    /// <exception cref="ArgumentException">A field is invalid; <see cref="ArgumentException.ParamName"/> names it (e.g. <c>timeZone</c>, <c>workingHours[0].start</c>). Nothing is stored.</exception>
    [Alias("UpsertProfile")]
    Task<ParticipantProfile> UpsertProfile(ParticipantProfile profile);

    /// <summary>Returns the profile, without secrets.</summary>
    /// <returns>The profile, or <see langword="null"/> when the participant does not exist.</returns>
    [Alias("GetProfile")]
    Task<ParticipantProfile?> GetProfile();

    /// <summary>
    /// Deletes the participant (profile, blocks, holds and bookings; <c>ClearStateAsync</c>) and then removes it from its
    /// tenant's directory, unless a booking has not ended yet or a hold is live: then nothing changes and the answer
    /// lists their requests. A later <see cref="UpsertProfile"/> creates it again. Pool membership is not checked here.
    /// Calling it for a participant that does not exist removes a leftover directory entry, if any.
    /// </summary>
    /// <returns>Whether it existed and was deleted, or the requests that keep it.</returns>
    [Alias("Delete")]
    Task<ParticipantDeletion> Delete();

    /// <summary>Replaces all explicit busy blocks.</summary>
    /// <param name="blocks">The new blocks; each with end after start.</param>
    /// <returns>A task that completes when the blocks are stored.</returns>
    /// <exception cref="ArgumentException">A block ends at or before its start (<c>blocks[i].end</c>). Nothing is stored.</exception>
    /// <exception cref="InvalidOperationException">The participant has no profile.</exception>
    [Alias("ReplaceBlocks")]
    Task ReplaceBlocks(IReadOnlyList<BusyBlock> blocks);

    /// <summary>Returns the busy intervals (calendar, blocks, bookings, live holds) overlapping a range.</summary>
    /// <param name="range">The range.</param>
    /// <returns>The intervals and the freshness of the calendar data.</returns>
    [Alias("GetBusy")]
    Task<BusyView> GetBusy(TimeRange range);

    /// <summary>Returns free time and aligned slots (participant-local grid) in a range.</summary>
    /// <param name="query">The query.</param>
    /// <returns>Free intervals and slots; empty when the participant has no profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration or granularity is out of range.</exception>
    [Alias("GetAvailability")]
    Task<AvailabilityView> GetAvailability(AvailabilityQuery query);

    /// <summary>
    /// Returns the working time in a range: the weekly working hours, replaced on overridden dates, in the participant's
    /// zone (wall-clock hours hold across DST changes), clipped to the range.
    /// </summary>
    /// <param name="range">The range (UTC).</param>
    /// <returns>The working intervals (UTC), ordered and disjoint; empty when the participant has no profile.</returns>
    [Alias("GetWorkingTime")]
    Task<IReadOnlyList<TimeRange>> GetWorkingTime(TimeRange range);

    /// <summary>Returns the engine input for negotiation: zone, rules, busy time including other requests' holds and bookings, booked starts for caps.</summary>
    /// <param name="query">The window and the asking request.</param>
    /// <returns>The data; <see cref="ParticipantAvailabilityData.Exists"/> is <see langword="false"/> when there is no profile.</returns>
    [Alias("GetAvailabilityInput")]
    Task<ParticipantAvailabilityData> GetAvailabilityInput(AvailabilityInputQuery query);

    /// <summary>
    /// Places a hold for a request, or refuses it when an interval widened by the buffers overlaps
    /// busy time or another request's hold or booking, or a cap would be exceeded. Idempotent on
    /// the request id: repeating it renews the hold; new intervals replace the request's previous hold.
    /// </summary>
    /// <param name="request">The hold.</param>
    /// <returns>Granted with its expiry, or the refusal.</returns>
    [Alias("TryHold")]
    Task<HoldOutcome> TryHold(HoldRequest request);

    /// <summary>
    /// Turns the request's hold into a booking. Idempotent: an existing booking for the request is
    /// returned as granted. When the hold has expired, or was dropped because a calendar event was
    /// found over it, the intervals are checked again as for <see cref="TryHold"/> and booked if still free.
    /// </summary>
    /// <param name="request">The same hold request that was granted.</param>
    /// <returns>Granted, or the refusal.</returns>
    [Alias("ConfirmHold")]
    Task<HoldOutcome> ConfirmHold(HoldRequest request);

    /// <summary>Releases the request's hold, if any (bookings are kept). Idempotent.</summary>
    /// <param name="requestId">The request key.</param>
    /// <returns>A task that completes when the release is stored.</returns>
    [Alias("ReleaseHold")]
    Task ReleaseHold(string requestId);

    /// <summary>Cancels the request's booking and hold, if any. Idempotent.</summary>
    /// <param name="requestId">The request key.</param>
    /// <returns>A task that completes when the cancellation is stored.</returns>
    [Alias("CancelBooking")]
    Task CancelBooking(string requestId);

    /// <summary>
    /// The video meeting links of a booked request (made by its stages' hosts): kept with this participant's booking of it
    /// and written into the descriptions of its calendar events for that request, so every interviewer finds the link in
    /// their own calendar. Ignored without a booking of the request. Idempotent.
    /// </summary>
    /// <param name="requestId">The request key.</param>
    /// <param name="links">Every link of the request's booked stages known so far.</param>
    /// <returns>A task that completes when the links are stored and the calendar writes handed over.</returns>
    [Alias("ShowConferenceLinks")]
    Task ShowConferenceLinks(string requestId, IReadOnlyList<Requests.ConferenceLink> links);

    /// <summary>Lists the confirmed bookings, ordered by first start.</summary>
    /// <returns>The bookings.</returns>
    [Alias("ListBookings")]
    Task<IReadOnlyList<ParticipantBooking>> ListBookings();

    /// <summary>Lists the live (unexpired) holds, ordered by first start.</summary>
    /// <returns>The holds.</returns>
    [Alias("ListHolds")]
    Task<IReadOnlyList<ParticipantBooking>> ListHolds();

    /// <summary>
    /// Adds an observation to the participant's learned time preferences (<see cref="ParticipantAvailabilityData.PreferenceHistory"/>),
    /// bucketed in the participant's zone and aged with <paramref name="halfLifeDays"/>. Idempotent on
    /// <see cref="PreferenceObservation.Id"/>: the ids of the last 256 observations are kept, and a repeat of one of
    /// them changes nothing. Ignored when the participant does not exist.
    /// </summary>
    /// <param name="observation">What happened to which time.</param>
    /// <param name="halfLifeDays">The tenant's half-life in days (1 or more).</param>
    /// <returns>A task that completes when the observation is stored.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLifeDays"/> is less than 1.</exception>
    [Alias("RecordPreference")]
    Task RecordPreference(PreferenceObservation observation, int halfLifeDays);
}
