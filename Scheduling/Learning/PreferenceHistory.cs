namespace Scheduler.Scheduling.Learning;

/// <summary>
/// What a participant's interview history says about their times, in fixed size: one <see cref="PreferenceTally"/>
/// per <see cref="DayPart"/> and one per local day of the week, each with exponential decay by age, as of
/// <see cref="AsOf"/>. An observation adds to the bucket of its part of the day and to the bucket of its weekday, both
/// taken from the interview's start in the participant's own zone. Immutable; <see cref="Record"/> returns a new one.
/// </summary>
public sealed class PreferenceHistory
{
    /// <summary>The weight a <see cref="PreferenceSignal.Selected"/>, <see cref="PreferenceSignal.Held"/> or <see cref="PreferenceSignal.Rescheduled"/> observation adds (1).</summary>
    public const double FullWeight = 1;

    /// <summary>The weight a <see cref="PreferenceSignal.Cancelled"/> observation adds (0.5): a cancellation often has nothing to do with the time.</summary>
    public const double CancelledWeight = 0.5;

    /// <summary>The declined weight each bucket of proposals the candidate passed over receives (0.5): mild, as seeing a time and choosing another is weaker evidence than moving away from it.</summary>
    public const double PassedOverWeight = 0.5;

    private const int Weekdays = 7;
    private readonly PreferenceTally[] _dayParts;
    private readonly PreferenceTally[] _weekdays;

    /// <summary>Creates a history.</summary>
    /// <param name="asOf">The instant (UTC) the tallies are aged to.</param>
    /// <param name="dayParts">One tally per <see cref="DayPart"/>, in enum order (morning, afternoon, evening).</param>
    /// <param name="weekdays">One tally per local day of the week, Monday first.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A list has the wrong length, or a count is negative or not finite.</exception>
    public PreferenceHistory(Instant asOf, IReadOnlyList<PreferenceTally> dayParts, IReadOnlyList<PreferenceTally> weekdays)
    {
        AsOf = asOf;
        _dayParts = Checked(dayParts, DayParts.Count, nameof(dayParts));
        _weekdays = Checked(weekdays, Weekdays, nameof(weekdays));
    }

    /// <summary>No history at all.</summary>
    public static PreferenceHistory Empty { get; } = new(Instant.FromUnixTimeTicks(0), new PreferenceTally[DayParts.Count], new PreferenceTally[Weekdays]);

    /// <summary>The instant (UTC) the tallies are aged to.</summary>
    public Instant AsOf { get; }

    /// <summary>One tally per <see cref="DayPart"/>, in enum order.</summary>
    public IReadOnlyList<PreferenceTally> DayPartTallies => _dayParts;

    /// <summary>One tally per local day of the week, Monday first.</summary>
    public IReadOnlyList<PreferenceTally> WeekdayTallies => _weekdays;

    /// <summary>Whether every count is zero.</summary>
    public bool IsEmpty => Array.TrueForAll(_dayParts, t => t.Total == 0) && Array.TrueForAll(_weekdays, t => t.Total == 0);

    /// <summary>The tally of a part of the day.</summary>
    /// <param name="part">The part.</param>
    /// <returns>Its tally as of <see cref="AsOf"/>.</returns>
    public PreferenceTally Of(DayPart part) => _dayParts[(int)part];

    /// <summary>The tally of a day of the week.</summary>
    /// <param name="day">The day (a defined ISO day, not <see cref="IsoDayOfWeek.None"/>).</param>
    /// <returns>Its tally as of <see cref="AsOf"/>.</returns>
    public PreferenceTally Of(IsoDayOfWeek day) => _weekdays[(int)day - 1];

    /// <summary>The factor an observation's weight has after <paramref name="age"/>: 2^(−age / half-life); 1 for a zero or negative age.</summary>
    /// <param name="age">How long ago.</param>
    /// <param name="halfLife">The half-life (positive).</param>
    /// <returns>A factor in (0, 1].</returns>
    public static double DecayFactor(Duration age, Duration halfLife) =>
        age <= Duration.Zero ? 1 : Math.Pow(2, -(age / halfLife));

    /// <summary>
    /// The same history aged to <paramref name="now"/>: every count multiplied by <see cref="DecayFactor"/> of the time
    /// since <see cref="AsOf"/>. A <paramref name="now"/> before <see cref="AsOf"/> (a clock behind the one that
    /// recorded) ages nothing and keeps <see cref="AsOf"/>.
    /// </summary>
    /// <param name="now">The instant to age to (UTC).</param>
    /// <param name="halfLife">The half-life (positive).</param>
    /// <returns>The aged history.</returns>
    public PreferenceHistory DecayedTo(Instant now, Duration halfLife)
    {
        if (now <= AsOf)
        {
            return this;
        }

        var factor = DecayFactor(now - AsOf, halfLife);
        return new PreferenceHistory(now, Array.ConvertAll(_dayParts, t => t.Scaled(factor)), Array.ConvertAll(_weekdays, t => t.Scaled(factor)));
    }

    /// <summary>
    /// Adds one observation. The history is first aged to the later of <see cref="AsOf"/> and the event's time; an
    /// event older than <see cref="AsOf"/> (reported late) is added with the weight its age leaves it, so the result
    /// does not depend on the order observations arrive in.
    /// </summary>
    /// <param name="observation">What happened, and when.</param>
    /// <param name="zone">The participant's zone: the interview's local start decides the buckets.</param>
    /// <param name="halfLife">The half-life (positive).</param>
    /// <returns>The new history.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The signal is not defined, or <paramref name="halfLife"/> is not positive.</exception>
    public PreferenceHistory Record(PreferenceEvent observation, DateTimeZone zone, Duration halfLife)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(zone);
        if (halfLife <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        var asOf = observation.At > AsOf ? observation.At : AsOf;
        var aged = DecayedTo(asOf, halfLife);
        var dayParts = (PreferenceTally[])aged._dayParts.Clone();
        var weekdays = (PreferenceTally[])aged._weekdays.Clone();
        var weight = DecayFactor(asOf - observation.At, halfLife);
        var (part, day) = Buckets(observation.Slot, zone);
        var (accepted, declined) = observation.Signal switch
        {
            PreferenceSignal.Selected or PreferenceSignal.Held => (FullWeight, 0.0),
            PreferenceSignal.Rescheduled => (0.0, FullWeight),
            PreferenceSignal.Cancelled => (0.0, CancelledWeight),
            _ => throw new ArgumentOutOfRangeException(nameof(observation), observation.Signal, "Not a preference signal."),
        };
        Add(dayParts, (int)part, accepted * weight, declined * weight);
        Add(weekdays, (int)day - 1, accepted * weight, declined * weight);
        if (observation.Signal == PreferenceSignal.Selected)
        {
            ArgumentNullException.ThrowIfNull(observation.PassedOver);
            var passedParts = new HashSet<DayPart>();
            var passedDays = new HashSet<IsoDayOfWeek>();
            foreach (var start in observation.PassedOver)
            {
                // Only like-for-like comparisons teach something: another part of the same day, or the same part of another day.
                var (otherPart, otherDay) = Buckets(start, zone);
                if (otherDay == day && otherPart != part && passedParts.Add(otherPart))
                {
                    Add(dayParts, (int)otherPart, 0, PassedOverWeight * weight);
                }

                if (otherPart == part && otherDay != day && passedDays.Add(otherDay))
                {
                    Add(weekdays, (int)otherDay - 1, 0, PassedOverWeight * weight);
                }
            }
        }

        return new PreferenceHistory(asOf, dayParts, weekdays);
    }

    /// <summary>The buckets of an interview start in a zone: its local part of the day and day of the week.</summary>
    /// <param name="start">The start (UTC).</param>
    /// <param name="zone">The participant's zone.</param>
    /// <returns>The two buckets.</returns>
    public static (DayPart Part, IsoDayOfWeek Day) Buckets(Instant start, DateTimeZone zone)
    {
        var local = start.InZone(zone).LocalDateTime;
        return (DayParts.Of(local.TimeOfDay), local.DayOfWeek);
    }

    private static void Add(PreferenceTally[] tallies, int index, double accepted, double declined) =>
        tallies[index] = new PreferenceTally(tallies[index].Accepted + accepted, tallies[index].Declined + declined);

    private static PreferenceTally[] Checked(IReadOnlyList<PreferenceTally> tallies, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(tallies, name);
        if (tallies.Count != length)
        {
            throw new ArgumentException($"Expected {length} tallies, got {tallies.Count}.", name);
        }

        var copy = new PreferenceTally[length];
        for (var i = 0; i < length; i++)
        {
            var t = tallies[i];
            if (!double.IsFinite(t.Accepted) || !double.IsFinite(t.Declined) || t.Accepted < 0 || t.Declined < 0)
            {
                throw new ArgumentException($"Tally {i} has a negative or non-finite count.", name);
            }

            copy[i] = t;
        }

        return copy;
    }
}
