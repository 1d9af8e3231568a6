using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>One range of hours of a date override as the profile form edits it.</summary>
public sealed class LocalHoursRow
{
    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string Start { get; set; } = "09:00";

    /// <summary>Local end, <c>HH:mm</c>.</summary>
    public string End { get; set; } = "17:00";

    /// <summary>The range as the body has it.</summary>
    /// <returns>The body.</returns>
    public LocalHoursBody ToBody() => new() { Start = Start, End = End };
}
