namespace Scheduler.Scheduling.Batch;

/// <summary>
/// Integer weights that fold the batch's three goals — most bookings, then highest total score, then fairest pool
/// load — into one objective to maximise: <c>Booking·booked + Score·score − fairness</c>, where <c>score</c> is the sum of
/// the chosen options' scores in tenths of a point above the batch's lowest (0 to <see cref="MaxScore"/>) and
/// <c>fairness</c> (0 to <see cref="FairnessRange"/> − 1) is how far the busiest member of each pool is pushed above its
/// load before the batch, summed over pools.
/// </summary>
/// <remarks>
/// The order is preserved exactly: one more booking is worth <see cref="Booking"/> = <c>Score·MaxScore + FairnessRange</c>,
/// more than any change of score and fairness together; one more tenth of a point is worth <see cref="Score"/> =
/// <see cref="FairnessRange"/>, more than any change of fairness. Scores are compared at a tenth of a point.
/// </remarks>
/// <param name="Score">Weight of one tenth of a point of score.</param>
/// <param name="MaxScore">The largest possible score term (sum over requests of their best option's units).</param>
/// <param name="FairnessRange">One more than the largest possible fairness term.</param>
internal readonly record struct LexicographicWeights(long Score, long MaxScore, long FairnessRange)
{
    /// <summary>Score units per point.</summary>
    public const double UnitsPerPoint = 10;

    /// <summary>Weight of one booking.</summary>
    public long Booking => checked((Score * MaxScore) + FairnessRange);

    /// <summary>Creates the weights for a batch whose score term is at most <paramref name="maxScore"/> and fairness term below <paramref name="fairnessRange"/>.</summary>
    public static LexicographicWeights For(long maxScore, long fairnessRange) => new(fairnessRange, maxScore, fairnessRange);

    /// <summary>An option's score in units above <paramref name="lowest"/> (the batch's lowest option score).</summary>
    public static long Units(double score, double lowest) => (long)Math.Round((score - lowest) * UnitsPerPoint, MidpointRounding.AwayFromZero);

    /// <summary>The objective of a plan.</summary>
    public long Objective(int booked, long score, long fairness) => checked((Booking * booked) + (Score * score) - fairness);

    /// <summary>
    /// The most bookings a plan can have when no plan's objective exceeds <paramref name="objectiveBound"/>: since
    /// <c>Booking·booked ≤ objective + fairness ≤ bound + FairnessRange − 1</c>.
    /// </summary>
    public int BookedBound(double objectiveBound)
    {
        // The bound of an integer objective is integral; the tolerance only absorbs its conversion to double.
        var most = (long)Math.Floor(objectiveBound + 1e-6) + FairnessRange - 1;
        return most < 0 ? 0 : (int)Math.Min(most / Booking, int.MaxValue);
    }
}
