using Scheduler.Gateway.InterviewRequests;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>The bounds of an import file: those of <c>POST /v1/interview-requests/batch</c>.</summary>
public static class ImportLimits
{
    /// <summary>The most requests in one file: the batch route's <see cref="BatchProcessor.MaxItems"/>.</summary>
    public const int MaxRows = BatchProcessor.MaxItems;

    /// <summary>The largest file, in bytes: 30,000,000, the server's limit on a request body, which bounds a batch posted to the API.</summary>
    public const long MaxBytes = 30_000_000;
}
