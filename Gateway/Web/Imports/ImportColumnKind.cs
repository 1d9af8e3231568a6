namespace Scheduler.Gateway.Web.Imports;

/// <summary>How the text of a CSV cell becomes a JSON value of the batch item.</summary>
public enum ImportColumnKind
{
    /// <summary>A JSON string, as written.</summary>
    Text,

    /// <summary>A JSON number: a whole number (<c>-</c> and digits).</summary>
    Integer,

    /// <summary>A JSON string holding a date and time with offset (RFC 3339, e.g. <c>2026-03-02T09:00:00Z</c>).</summary>
    Instant,

    /// <summary>A JSON array of strings: the cell's values separated by <c>;</c>.</summary>
    List,
}
