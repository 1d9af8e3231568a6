namespace Scheduler.Grains.Requests;

/// <summary>Why a command on a request was not applied.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.CommandError")]
public enum CommandError
{
    /// <summary>Applied.</summary>
    None,

    /// <summary>The request does not exist.</summary>
    NotFound,

    /// <summary>The command does not apply in the request's current status (for example selecting when not proposed).</summary>
    InvalidState,

    /// <summary>The proposal id is not one of the current proposals.</summary>
    UnknownProposal,

    /// <summary>An argument is invalid (for example a reschedule window with end before start).</summary>
    InvalidArgument,
}
