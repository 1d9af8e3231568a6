using System.Text.Json;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// The chaos test's data: 50 interviewers and 2,000 candidates (UTC, 09:00–17:00 on weekdays) and a
/// 2,000-item auto-book batch for one two-day window. Request <c>i</c> names interviewer <c>i mod 50</c>,
/// and every fifth request also interviewer <c>(i + 1) mod 50</c> (a panel), so each interviewer is
/// asked for by about 48 requests while their window holds at most 16 one-hour interviews: most
/// requests end in no availability, and the panels make neighbouring interviewers' chunks contend.
/// </summary>
public static class ChaosWorkload
{
    public const int Interviewers = 50;
    public const int Requests = 2000;

    /// <summary>Statuses from which an auto-book request does not move by itself (API strings).</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal) { "booked", "completed", "noAvailability", "failed", "cancelled" };

    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    public static string Interviewer(int n) => $"ivr-{n:D2}";

    public static string Candidate(int n) => $"cand-{n:D4}";

    /// <summary>Tuesday 09:00 UTC of next week to Wednesday 17:00 UTC: always in the future.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(untilMonday == 0 ? 7 : untilMonday);
        return (monday.AddDays(1).AddHours(9), monday.AddDays(2).AddHours(17));
    }

    /// <summary>The body of <c>PUT /v1/participants/{id}</c>.</summary>
    public static object Participant(string id, string kind) => new Dictionary<string, object?>
    {
        ["displayName"] = $"Person {id}",
        ["email"] = $"{id}@example.test",
        ["kind"] = kind,
        ["timeZone"] = "Etc/UTC",
        ["workingHours"] = new[] { new { days = Weekdays, start = "09:00", end = "17:00" } },
    };

    /// <summary>The interviewers request <paramref name="i"/> names.</summary>
    public static string[] InterviewersOf(int i) =>
        i % 5 == 0 ? [Interviewer(i % Interviewers), Interviewer((i + 1) % Interviewers)] : [Interviewer(i % Interviewers)];

    /// <summary>The batch body as JSON.</summary>
    public static string Batch()
    {
        var (start, end) = Window();
        var requests = Enumerable.Range(0, Requests).Select(i => new
        {
            externalId = $"chaos-{i:D4}",
            candidateId = Candidate(i),
            stages = new[] { new { name = "interview", durationMinutes = 60, interviewerIds = InterviewersOf(i) } },
            window = new { start = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), end = end.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) },
            mode = "autoBook",
        });
        return JsonSerializer.Serialize(new { requests });
    }
}
