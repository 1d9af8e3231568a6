using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Participants;

/// <summary>The participant's learned time preferences: observations reported by request grains, counted once each.</summary>
public sealed partial class ParticipantGrain
{
    /// <summary>How many observation ids are kept to recognise a repeated report (a request grain repeats one within minutes).</summary>
    private const int RememberedObservations = 256;

    /// <inheritdoc />
    public async Task RecordPreference(PreferenceObservation observation, int halfLifeDays)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentException.ThrowIfNullOrEmpty(observation.Id, nameof(observation));
        ArgumentOutOfRangeException.ThrowIfLessThan(halfLifeDays, 1);
        if (S.Profile is not { } profile || S.RecordedObservations.Contains(observation.Id, StringComparer.Ordinal))
        {
            return;
        }

        var zone = EngineMapping.ParseZone(profile.TimeZone, "timeZone");
        var history = PreferenceMapping.ToEngine(S.PreferenceHistory).Record(PreferenceMapping.ToEngine(observation), zone, PreferenceMapping.Options(halfLifeDays).HalfLife);
        S.PreferenceHistory = PreferenceMapping.ToData(history);
        S.RecordedObservations.Add(observation.Id);
        if (S.RecordedObservations.Count > RememberedObservations)
        {
            S.RecordedObservations.RemoveRange(0, S.RecordedObservations.Count - RememberedObservations);
        }

        await PersistAsync();
    }
}
