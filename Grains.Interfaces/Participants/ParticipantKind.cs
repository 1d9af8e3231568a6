namespace Scheduler.Grains.Participants;

/// <summary>What a participant is.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.ParticipantKind")]
public enum ParticipantKind
{
    /// <summary>A person being interviewed.</summary>
    Candidate,

    /// <summary>A person who interviews.</summary>
    Interviewer,

    /// <summary>A recruiter or coordinator.</summary>
    Coordinator,

    /// <summary>A meeting room.</summary>
    Room,
}
