namespace Scheduler.Gateway.Web.Imports;

/// <summary>An import as it stands now: rows handed to the submitter, then requests settling, with counts by outcome.</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Rows">How many rows the file holds.</param>
/// <param name="Accepted">How many rows the submitter has finished with (all of them once <paramref name="Requests"/> is filled).</param>
/// <param name="Failure">Why sending stopped early, when it did; otherwise <see langword="null"/>.</param>
/// <param name="Requests">What each row became; empty while rows are still being accepted.</param>
public sealed record ImportProgress(string FileName, int Rows, int Accepted, string? Failure, IReadOnlyList<ImportedRequest> Requests)
{
    /// <summary>Whether every row has been handed over and the record names the requests.</summary>
    public bool AllAccepted => Requests.Count == Rows;

    /// <summary>How many rows have settled (see <see cref="ImportedRequest.Settled"/>); 0 until every row is accepted.</summary>
    public int Settled => Requests.Count(r => r.Settled);

    /// <summary>Whether every row has been accepted and has settled.</summary>
    public bool Done => AllAccepted && Settled == Rows;

    /// <summary>How many requests are in <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(RequestStatus status) => Requests.Count(r => r.RequestId is not null && r.Status == status);

    /// <summary>How many rows could not be stored.</summary>
    public int NotStored => Requests.Count(r => r.RequestId is null);
}
