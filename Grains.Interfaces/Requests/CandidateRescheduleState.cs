namespace Scheduler.Grains.Requests;

/// <summary>Where a candidate's request for another time stands for one booking (<see cref="CandidateRescheduleAnswer"/>).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.CandidateRescheduleState")]
public enum CandidateRescheduleState
{
    /// <summary>The candidate may ask for another time now.</summary>
    Allowed,

    /// <summary>The candidate asked: the booking was released and new times are (or were) proposed to them.</summary>
    Asked,

    /// <summary>Not possible: the tenant does not allow it, it is too close to the start, the limit was reached, or the booking changed.</summary>
    Refused,
}
