namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>The outcome of a conditional CalDAV write (RFC 4791 §5.3.2, RFC 7232 §3.1–3.2).</summary>
public enum CalDavWriteStatus
{
    /// <summary>The event did not exist and was created (a PUT with <c>If-None-Match: *</c> succeeded).</summary>
    Created,

    /// <summary>The event existed and was replaced (a PUT with <c>If-Match</c> succeeded; servers answer 200, 201 or 204).</summary>
    Updated,

    /// <summary>The event was deleted (200/204).</summary>
    Deleted,

    /// <summary>There is no such event (404 on delete).</summary>
    NotFound,

    /// <summary>The precondition failed (412): the ETag is stale, or a create found an existing event.</summary>
    PreconditionFailed,
}
