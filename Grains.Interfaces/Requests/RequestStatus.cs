namespace Scheduler.Grains.Requests;

/// <summary>The state of an interview request (DESIGN.md §3).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.RequestStatus")]
public enum RequestStatus
{
    /// <summary>Accepted, not yet negotiated.</summary>
    Pending,

    /// <summary>Proposals are ready; waiting for the candidate's selection.</summary>
    Proposed,

    /// <summary>Holds are being taken and confirmed.</summary>
    Booking,

    /// <summary>Every participant confirmed the booking.</summary>
    Booked,

    /// <summary>The interview is over.</summary>
    Completed,

    /// <summary>No option exists; the reason says which constraint emptied the window, for whom.</summary>
    NoAvailability,

    /// <summary>Cancelled; holds and bookings released.</summary>
    Cancelled,

    /// <summary>The booking was released and the request is being negotiated again.</summary>
    Rescheduling,

    /// <summary>Processing failed permanently (for example an unknown participant); the reason says why.</summary>
    Failed,

    /// <summary>
    /// A first-to-accept pool seat is offered to the pool's free members; the other attendees are held while the
    /// request waits for the first acceptance or the offer's expiry (<see cref="InterviewRequestView.Offer"/>).
    /// </summary>
    Offered,
}
