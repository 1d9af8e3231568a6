using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// An example import built from the tenant's own participants and pools, so that it imports as it is: for each of the
/// first three candidates, an interview booked automatically, one to propose, and (when the tenant has a pool) one with a
/// pool member; the window runs from the next UTC midnight for eight days. The external ids (<c>example-{date}-{n}</c>)
/// name the day, so the same day's example imported twice finds the same requests.
/// </summary>
public static class ExampleImport
{
    /// <summary>The example as CSV (the columns of <see cref="ImportColumns"/>).</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The file's bytes (UTF-8), or <see langword="null"/> when the tenant has no candidate or no interviewer.</returns>
    public static async Task<byte[]?> CsvAsync(TenantGrains grains, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var candidates = (await grains.ListParticipants(new DirectoryListQuery(ParticipantKind.Candidate, null, 3))).Items;
        var interviewers = (await grains.ListParticipants(new DirectoryListQuery(ParticipantKind.Interviewer, null, 10))).Items;
        var pool = (await grains.ListPools(new DirectoryListQuery(null, null, 1))).Items.FirstOrDefault();
        if (candidates.Count == 0 || interviewers.Count == 0)
        {
            return null;
        }

        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var window = (Start: Rfc3339.Format(start), End: Rfc3339.Format(start.AddDays(8)));
        var day = start.AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c].Id;
            rows.Add(Row($"example-{day}-{rows.Count + 1}", candidate, "technical", 45, interviewers[c % interviewers.Count].Id, null, window, "autoBook"));
            rows.Add(Row($"example-{day}-{rows.Count + 1}", candidate, "culture", 30, interviewers[(c + 1) % interviewers.Count].Id, null, window, "propose"));
            if (pool is not null)
            {
                rows.Add(Row($"example-{day}-{rows.Count + 1}", candidate, "pool-interview", 60, null, pool.Id, window, "autoBook"));
            }
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteHeader([.. Columns.Select(c => c.Name)]);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same example as the body of <c>POST /v1/interview-requests/batch</c>: the CSV's rows read by <see cref="CsvImportReader"/>.</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The file's bytes (UTF-8 JSON), or <see langword="null"/> when the tenant has no candidate or no interviewer.</returns>
    public static async Task<byte[]?> JsonAsync(TenantGrains grains, DateTimeOffset now)
    {
        if (await CsvAsync(grains, now) is not { } csv)
        {
            return null;
        }

        var file = CsvImportReader.Read(csv, "example.csv");
        return JsonSerializer.SerializeToUtf8Bytes(new { requests = file.Rows.Select(r => r.Item) }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The columns the example fills, in file order.</summary>
    private static readonly ImportColumn[] Columns =
        [.. new[] { "externalId", "candidateId", "stageName", "durationMinutes", "interviewerIds", "poolId", "windowStart", "windowEnd", "mode" }.Select(n => ImportColumns.Named(n)!)];

    private static string[] Row(string externalId, string candidateId, string stage, int minutes, string? interviewerId, string? poolId, (string Start, string End) window, string mode) =>
        [externalId, candidateId, stage, minutes.ToString(CultureInfo.InvariantCulture), interviewerId ?? string.Empty, poolId ?? string.Empty, window.Start, window.End, mode];
}
