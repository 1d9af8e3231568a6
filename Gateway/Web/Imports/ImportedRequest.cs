namespace Scheduler.Gateway.Web.Imports;

/// <summary>One row of an import as it stands now.</summary>
/// <param name="Row">The row's number, from 1.</param>
/// <param name="RequestId">The request it became; <see langword="null"/> when it could not be stored.</param>
/// <param name="Status">The request's status as last read; <see langword="null"/> when not stored or not read yet.</param>
/// <param name="Error">Why the row could not be stored.</param>
public sealed record ImportedRequest(int Row, string? RequestId, RequestStatus? Status, string? Error)
{
    /// <summary>Whether the request has finished negotiating: any status but pending, booking and rescheduling; a row that could not be stored counts as settled.</summary>
    public bool Settled => RequestId is null || Status is { } status && IsSettled(status);

    /// <summary>Whether a status ends the import's wait for a request.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="false"/> for pending, booking and rescheduling.</returns>
    public static bool IsSettled(RequestStatus status) => status is not (RequestStatus.Pending or RequestStatus.Booking or RequestStatus.Rescheduling);
}
