namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// The columns of the import CSV. One row is one interview request with one stage (a loop of several stages is imported
/// as JSON); each column fills one field of a batch item, so the row is judged by the batch route's own validation.
/// </summary>
public static class ImportColumns
{
    /// <summary>The separator of several values in one cell (<c>interviewerIds</c>).</summary>
    public const char ListSeparator = ';';

    /// <summary>The columns, in the order the example file writes them.</summary>
    public static IReadOnlyList<ImportColumn> All { get; } =
    [
        new("externalId", "externalId", ImportColumnKind.Text, false, "Your id of the request, 1–200 characters; importing the row again finds the request it created. Without it, the file's content names the request."),
        new("candidateId", "candidateId", ImportColumnKind.Text, true, "The candidate's participant id."),
        new("stageName", "stages[0].name", ImportColumnKind.Text, false, "The stage's name, up to 100 characters; default stage1."),
        new("durationMinutes", "stages[0].durationMinutes", ImportColumnKind.Integer, true, "The interview's length in minutes, 1–480."),
        new("interviewerIds", "stages[0].interviewerIds", ImportColumnKind.List, false, "Interviewers who all attend (a panel), participant ids separated by ';'. A row needs interviewerIds, poolId or both."),
        new("poolId", "stages[0].pools[0].poolId", ImportColumnKind.Text, false, "A pool whose members join the panel."),
        new("poolCount", "stages[0].pools[0].count", ImportColumnKind.Integer, false, "How many members of the pool attend, 1–20; default 1."),
        new("windowStart", "window.start", ImportColumnKind.Instant, true, "The start of the search window, RFC 3339 (e.g. 2026-03-02T00:00:00Z)."),
        new("windowEnd", "window.end", ImportColumnKind.Instant, true, "The end of the search window, RFC 3339; after the start, at most 90 days later, in the future."),
        new("mode", "mode", ImportColumnKind.Text, false, "propose (default: offer proposals to select) or autoBook (book the best option)."),
        new("maxProposals", "maxProposals", ImportColumnKind.Integer, false, "How many proposals to offer, 1–20; default 5."),
        new("minimumNoticeMinutes", "minimumNoticeMinutes", ImportColumnKind.Integer, false, "Least minutes between now and the interview, 0–43200; default 0."),
        new("recruiterEmail", "notify.recruiterEmail", ImportColumnKind.Text, false, "The recruiter's email address for proposals ready or no availability."),
    ];

    /// <summary>The column named <paramref name="name"/>, without regard to case.</summary>
    /// <param name="name">A header name.</param>
    /// <returns>The column, or <see langword="null"/> when there is none of that name.</returns>
    public static ImportColumn? Named(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The column an error on the API field <paramref name="path"/> is about.</summary>
    /// <param name="path">A field path of a validation error.</param>
    /// <returns>The column, or <see langword="null"/> when no column holds that field (e.g. <c>window</c> as a whole).</returns>
    public static ImportColumn? Covering(string path) => All.FirstOrDefault(c => c.Covers(path));
}
