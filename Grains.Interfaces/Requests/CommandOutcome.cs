namespace Scheduler.Grains.Requests;

/// <summary>The answer to a command on a request (select, cancel, reschedule).</summary>
/// <param name="Error">Why it was not applied; <see cref="CommandError.None"/> when applied.</param>
/// <param name="Message">An explanation of an error; <see langword="null"/> when applied.</param>
/// <param name="Request">The request after the command; <see langword="null"/> when it does not exist.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CommandOutcome")]
public sealed record CommandOutcome([property: Id(0)] CommandError Error, [property: Id(1)] string? Message, [property: Id(2)] InterviewRequestView? Request)
{
    /// <summary>Whether the command was applied.</summary>
    public bool Applied => Error == CommandError.None;
}
