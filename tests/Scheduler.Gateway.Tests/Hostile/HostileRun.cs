using System.Diagnostics;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// Sends hostile requests one at a time and checks the rules after each: no 5xx; a rejected request (4xx, or a batch
/// that accepted no item) leaves the store byte-for-byte as it was just before it; no answer to Alpha carries one of
/// Bravo's unique strings that the request did not itself send; Bravo's rows never change; no 4xx quotes more than 40
/// characters of an oversize value. An accepted request moves the baseline once the store has settled.
/// </summary>
/// <param name="client">A client of the gateway that follows no redirects.</param>
/// <param name="databases">The SQLite files of the gateway's store.</param>
/// <param name="bravoSecrets">Strings only Bravo's data holds.</param>
internal sealed class HostileRun(HttpClient client, IReadOnlyList<string> databases, IReadOnlyList<string> bravoSecrets)
{
    /// <summary>How long the store must stay unchanged after an accepted interview request command before the next request is sent.</summary>
    private static readonly TimeSpan RequestQuiet = TimeSpan.FromSeconds(1.2);

    private const int MaxReported = 25;

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, Dictionary<string, int>> _statuses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _routes = new(StringComparer.Ordinal);
    private StoreSnapshot? _baseline;
    private string? _bravo;

    /// <summary>Failures, most detailed first (at most <see cref="MaxReported"/> described in full).</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>How many requests were sent.</summary>
    public int Sent { get; private set; }

    /// <summary>How many were rejected and checked against the store.</summary>
    public int Rejected { get; private set; }

    /// <summary>How many were accepted (2xx or 3xx).</summary>
    public int Accepted { get; private set; }

    /// <summary>How often the store changed between two requests while nothing was sent (background work of an earlier accepted request).</summary>
    public int BackgroundChanges { get; private set; }

    /// <summary>The documented routes that were aimed at.</summary>
    public IReadOnlySet<string> Routes => _routes;

    /// <summary>Time spent taking snapshots.</summary>
    public TimeSpan SnapshotTime { get; private set; }

    /// <summary>Time spent waiting for the store to settle after accepted requests.</summary>
    public TimeSpan SettleTime { get; private set; }

    /// <summary>Waits until the store is quiet, then takes the baseline and the digest of Bravo's rows, which must never change.</summary>
    public async Task StartAsync()
    {
        _baseline = await SettleAsync(TimeSpan.FromSeconds(2));
        Assert.True(_baseline.Rows.Count(r => IsBravo(r.Key)) >= 5, $"Bravo's seeded rows are not found in the store: {string.Join("; ", _baseline.Rows.Take(5).Select(r => r.Key))}");
        _bravo = BravoDigest(_baseline);
    }

    /// <summary>Sends one request and checks every rule.</summary>
    public async Task SendAsync(HostileRequest hostile)
    {
        Sent++;
        _routes.Add(hostile.Route);
        var before = Take();
        if (before.Digest != _baseline!.Digest)
        {
            BackgroundChanges++;
        }

        int status;
        string text;
        try
        {
            using var request = ToMessage(hostile);
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UriFormatException or InvalidOperationException)
        {
            Fail($"no answer ({ex.GetType().Name}: {Cut(ex.Message, 300)}) for {hostile.Describe()}");
            _baseline = await SettleAsync(RequestQuiet);
            return;
        }

        Count(hostile.Category, status);
        if (status >= 500)
        {
            Fail($"{status} for {hostile.Describe()}\n    response: {Cut(text, 600)}");
        }

        foreach (var secret in bravoSecrets.Where(s => text.Contains(s, StringComparison.Ordinal) && !hostile.Contains(s)))
        {
            Fail($"Bravo's '{secret}' in the answer ({status}) to {hostile.Describe()}\n    response: {Cut(text, 600)}");
        }

        if (status is >= 400 and < 500 && HostileValues.QuotesFiller(text))
        {
            Fail($"{status} quotes more than 40 characters of an oversize value: {hostile.Describe()}\n    response: {Cut(text, 300)}");
        }

        StoreSnapshot after;
        if (status is >= 400 and < 500 || NothingAccepted(hostile, status, text))
        {
            Rejected++;
            after = Take();
            if (after.Digest != before.Digest)
            {
                Fail($"{status} changed the store ({StoreSnapshot.Describe(before, after)}) for {hostile.Describe()}\n    response: {Cut(text, 300)}");
            }
        }
        else
        {
            Accepted++;
            var settling = Stopwatch.StartNew();
            after = await SettleAsync(QuietAfter(hostile));
            SettleTime += settling.Elapsed;
        }

        if (BravoDigest(after) != _bravo)
        {
            Fail($"Bravo's rows changed ({StoreSnapshot.Describe(_baseline, after)}) after {status} for {hostile.Describe()}");
            _bravo = BravoDigest(after);
        }

        _baseline = after;
    }

    /// <summary>Counts per category: "category: N sent (status×count, …)".</summary>
    public IEnumerable<string> Summary() =>
        _statuses.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.Key}: {c.Value.Values.Sum()} ({string.Join(", ", c.Value.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}"))})");

    /// <summary>
    /// Interview request commands (and a participant delete, which may cancel requests) go on in the background and
    /// their list shard flushes a second later; reads and other writes are done when they answer.
    /// </summary>
    private static TimeSpan QuietAfter(HostileRequest hostile) =>
        hostile.Method is "GET" or "HEAD" ? TimeSpan.Zero
        : hostile.Route.Contains("interview-requests", StringComparison.Ordinal) || hostile.Route == "DELETE /v1/participants/{id}" ? RequestQuiet
        : TimeSpan.Zero;

    private StoreSnapshot Take()
    {
        var taking = Stopwatch.StartNew();
        var snapshot = StoreSnapshot.Take(databases);
        SnapshotTime += taking.Elapsed;
        return snapshot;
    }

    private static bool NothingAccepted(HostileRequest hostile, int status, string text)
    {
        if (status != 200 || !hostile.Route.EndsWith("/batch", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(text)?["accepted"]?.GetValue<int>() == 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static HttpRequestMessage ToMessage(HostileRequest hostile)
    {
        var message = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(hostile.Path, UriKind.Relative));
        if (hostile.Body is not null)
        {
            message.Content = new ByteArrayContent(hostile.Body);
            message.Content.Headers.ContentType = null;
            if (hostile.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            }
        }

        if (hostile.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", hostile.Authorization);
        }

        foreach (var (name, value) in hostile.Headers ?? [])
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    private async Task<StoreSnapshot> SettleAsync(TimeSpan quiet)
    {
        var last = StoreSnapshot.Take(databases);
        var stable = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        while (stable.Elapsed < quiet && total.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            var next = StoreSnapshot.Take(databases);
            if (next.Digest != last.Digest)
            {
                last = next;
                stable.Restart();
            }
        }

        return last;
    }

    private static string BravoDigest(StoreSnapshot snapshot) => snapshot.DigestOf(IsBravo);

    /// <summary>Whether a row's key names a grain of Bravo's (the grain id is <c>{type}/{tenant}[/{id}]</c>).</summary>
    private static bool IsBravo(string key)
    {
        var parts = key.Split('|');
        return parts.Length > 2 && parts[2].Split('/') is { Length: > 1 } segments && segments[1] == HostileWorld.Bravo;
    }

    private void Count(string category, int status)
    {
        if (!_statuses.TryGetValue(category, out var counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            _statuses[category] = counts;
        }

        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private void Fail(string message) =>
        _failures.Add(_failures.Count < MaxReported ? message : Cut(message, 200));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} chars)";
}
