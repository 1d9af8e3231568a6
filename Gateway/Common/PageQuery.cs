namespace Scheduler.Gateway.Common;

/// <summary>The <c>cursor</c> and <c>limit</c> query parameters of the participant and pool lists.</summary>
public static class PageQuery
{
    /// <summary>The largest <c>limit</c>.</summary>
    public const int MaxLimit = 500;

    /// <summary>The <c>limit</c> when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Reads the parameters; an error is added under <c>cursor</c> or <c>limit</c>.</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page (an id), or empty for the first page.</param>
    /// <param name="limit">The page size as text, 1–500; default 100.</param>
    /// <returns>The cursor (<see langword="null"/> for the first page) and the limit (<see langword="null"/> when invalid).</returns>
    public static (string? Cursor, int? Limit) Parse(ValidationErrors errors, string? cursor, string? limit)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var after = string.IsNullOrEmpty(cursor) ? null : cursor;
        if (after is not null)
        {
            errors.Require(FieldRules.IsValidId(after), "cursor", "Not a cursor this list produced.");
        }

        return (after, QueryWindow.ParseInt(errors, "limit", limit, DefaultLimit, 1, MaxLimit));
    }
}
