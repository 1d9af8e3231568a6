using System.Net;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// A calendar provider answered with an error (after retries, for transient ones). The message
/// names the operation, the HTTP status and the provider's reason; it never holds a token.
/// </summary>
public sealed class CalendarProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">What was attempted, e.g. <c>freeBusy</c>.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="reason">The provider's reason code (e.g. Google's <c>errors[0].reason</c> or OAuth's <c>error</c>); may be <see langword="null"/>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CalendarProviderException(string operation, HttpStatusCode status, string? reason, Exception? innerException = null)
        : base($"{operation}: HTTP {(int)status}{(reason is null ? string.Empty : " " + reason)}", innerException)
    {
        Operation = operation;
        Status = status;
        Reason = reason;
    }

    /// <summary>What was attempted.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The provider's reason code; may be <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Whether the access token was refused (401): refresh it and try once more.</summary>
    public bool Unauthorized => Status == HttpStatusCode.Unauthorized;

    /// <summary>Whether a sync token expired (410 <c>fullSyncRequired</c>): drop it and sync in full.</summary>
    public bool SyncTokenExpired => Status == HttpStatusCode.Gone;
}
