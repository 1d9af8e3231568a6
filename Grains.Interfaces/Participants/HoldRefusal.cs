namespace Scheduler.Grains.Participants;

/// <summary>Why a participant refused a hold or confirmation.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.HoldRefusal")]
public enum HoldRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The participant has no profile.</summary>
    UnknownParticipant,

    /// <summary>An interval (widened by buffers) overlaps calendar events or blocks.</summary>
    Busy,

    /// <summary>An interval (widened by buffers) overlaps another request's hold or booking.</summary>
    TakenByOtherRequest,

    /// <summary>The daily interview cap would be exceeded.</summary>
    DailyCap,

    /// <summary>The weekly interview cap would be exceeded.</summary>
    WeeklyCap,

    /// <summary>The hold request is malformed (no intervals, end before start, TTL out of range).</summary>
    Invalid,
}
