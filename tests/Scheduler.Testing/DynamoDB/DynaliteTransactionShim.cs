using System.Text;
using Nito.AsyncEx;

namespace Scheduler.Testing.DynamoDB;

/// <summary>
/// A loopback HTTP front for dynalite that adds what dynalite lacks and the providers use:
/// <c>TransactWriteItems</c>, <c>TransactGetItems</c> and <c>UpdateTimeToLive</c>/<c>DescribeTimeToLive</c>.
/// An emulated transaction runs alone (no other request is in flight meanwhile; other requests run
/// concurrently with each other, as dynalite serves them), so it is atomic to every other client:
/// its writes are applied in order with their own conditions (returning the old images) and, when a
/// condition fails, the applied ones are restored and the call fails with DynamoDB's
/// <c>TransactionCanceledException</c> and its cancellation reasons. Everything else is forwarded
/// unchanged. It also records each request's operation and index, so tests can check how the
/// providers read (unless started without recording, as the stand-alone <c>scripts/DynaliteShim</c> for the local
/// cluster is). Test and local-cluster infrastructure only: real DynamoDB runs transactions itself.
/// </summary>
public sealed class DynaliteTransactionShim : IDisposable
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const string JsonContentType = "application/x-amz-json-1.0";

    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new();
    private readonly Uri _dynalite;
    private readonly AsyncReaderWriterLock _gate = new();
    private readonly ConcurrentDictionary<string, string[]> _keyNames = new();
    private readonly ConcurrentDictionary<string, JsonObject> _timeToLive = new();
    private readonly ConcurrentQueue<ShimRequest> _requests = new();
    private readonly bool _record;

    private DynaliteTransactionShim(Uri dynalite, int port, bool record)
    {
        _dynalite = dynalite;
        _record = record;
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
    }

    /// <summary>The shim's URL (<c>http://127.0.0.1:{port}</c>): the DynamoDB service URL to configure.</summary>
    public string Url { get; }

    /// <summary>The requests seen so far, oldest first (empty when started without recording).</summary>
    public IReadOnlyList<ShimRequest> Requests => [.. _requests];

    /// <summary>Starts forwarding <c>http://127.0.0.1:{port}/</c> to dynalite.</summary>
    /// <param name="dynalite">dynalite's URL.</param>
    /// <param name="port">The loopback port the shim listens on.</param>
    /// <param name="record">Whether to keep every request in <see cref="Requests"/> (tests); a long-running shim should not.</param>
    /// <returns>The running shim.</returns>
    public static DynaliteTransactionShim Start(Uri dynalite, int port, bool record = true)
    {
        var shim = new DynaliteTransactionShim(dynalite, port, record);
        shim._listener.Start();
        _ = Task.Run(shim.AcceptLoopAsync);
        return shim;
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _listener.Close();
        _http.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Replace(TargetPrefix, string.Empty, StringComparison.Ordinal);
        var emulated = operation is "TransactWriteItems" or "TransactGetItems" or "UpdateTimeToLive" or "DescribeTimeToLive";
        var json = body.Length > 0 && (emulated || _record) ? JsonNode.Parse(body)?.AsObject() : null;
        if (_record)
        {
            _requests.Enqueue(new ShimRequest(operation, json?["TableName"]?.GetValue<string>(), json?["IndexName"]?.GetValue<string>()));
        }

        var auth = (context.Request.Headers["Authorization"], context.Request.Headers["X-Amz-Date"]);

        // Emulated transactions hold the lock alone (a waiting one goes before new readers); everything else shares it.
        var transaction = operation.StartsWith("Transact", StringComparison.Ordinal);
        Reply reply;
        using (await (transaction ? _gate.WriterLockAsync() : _gate.ReaderLockAsync()))
        {
            try
            {
                reply = await HandleAsync(operation, json, body, auth);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
            {
                // dynalite not answering (yet) or a failed rollback: a 500 the SDK and the fixture can see, never a hung request.
                reply = new Reply(500, Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = "com.amazonaws.dynamodb.v20120810#InternalServerError", ["message"] = e.Message }.ToJsonString()), null);
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = JsonContentType;
        if (reply.Crc32 is { } crc)
        {
            context.Response.Headers["x-amz-crc32"] = crc;
        }

        // One write of a known length: a chunked reply is written in pieces, and with Nagle's algorithm on one side
        // and delayed ACKs on the other every request waited about 40 ms.
        context.Response.ContentLength64 = reply.Body.Length;
        context.Response.Close(reply.Body, willBlock: false);
    }

    private async Task<Reply> HandleAsync(string operation, JsonObject? json, byte[] body, (string?, string?) auth) => operation switch
    {
        "TransactWriteItems" => await TransactWriteAsync(json!, auth),
        "TransactGetItems" => await TransactGetAsync(json!, auth),
        "UpdateTimeToLive" => UpdateTimeToLive(json!),
        "DescribeTimeToLive" when _timeToLive.TryGetValue(json!["TableName"]!.GetValue<string>(), out var ttl) =>
            Ok(new JsonObject { ["TimeToLiveDescription"] = new JsonObject { ["TimeToLiveStatus"] = "ENABLED", ["AttributeName"] = ttl["AttributeName"]!.DeepClone() } }),
        _ => await SendAsync(operation, body, auth),
    };

    private async Task<Reply> TransactWriteAsync(JsonObject request, (string?, string?) auth)
    {
        var writes = request["TransactItems"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var applied = new List<(string Table, JsonObject Key, JsonObject? OldImage)>();
        for (var i = 0; i < writes.Count; i++)
        {
            var (kind, action) = writes[i].Single();
            var single = action!.DeepClone().AsObject();
            single.Remove("ReturnValuesOnConditionCheckFailure");
            single["ReturnValues"] = "ALL_OLD";
            var table = single["TableName"]!.GetValue<string>();
            var key = kind == "Put" ? await KeyOfAsync(table, single["Item"]!.AsObject(), auth) : single["Key"]!.AsObject();
            var reply = kind switch
            {
                "Put" => await SendAsync("PutItem", single, auth),
                "Update" => await SendAsync("UpdateItem", single, auth),
                "Delete" => await SendAsync("DeleteItem", single, auth),
                _ => Error("ValidationException", $"{kind} is not emulated by the test shim."),
            };
            if (reply.Status != 200)
            {
                await RollBackAsync(applied, auth);
                var failedOnCondition = Encoding.UTF8.GetString(reply.Body).Contains("ConditionalCheckFailedException", StringComparison.Ordinal);
                return failedOnCondition ? Cancelled(writes.Count, i) : reply;
            }

            applied.Add((table, key, JsonNode.Parse(reply.Body)?["Attributes"]?.AsObject()));
        }

        return Ok(new JsonObject());
    }

    private async Task RollBackAsync(List<(string Table, JsonObject Key, JsonObject? OldImage)> applied, (string?, string?) auth)
    {
        for (var i = applied.Count - 1; i >= 0; i--)
        {
            var (table, key, old) = applied[i];
            var restore = old is { Count: > 0 }
                ? await SendAsync("PutItem", new JsonObject { ["TableName"] = table, ["Item"] = old.DeepClone() }, auth)
                : await SendAsync("DeleteItem", new JsonObject { ["TableName"] = table, ["Key"] = key.DeepClone() }, auth);
            if (restore.Status != 200)
            {
                throw new InvalidOperationException($"The test shim could not roll back a write to {table}: {Encoding.UTF8.GetString(restore.Body)}");
            }
        }
    }

    private async Task<Reply> TransactGetAsync(JsonObject request, (string?, string?) auth)
    {
        var responses = new JsonArray();
        foreach (var get in request["TransactItems"]!.AsArray())
        {
            var single = get!["Get"]!.DeepClone().AsObject();
            single["ConsistentRead"] = true;
            var reply = await SendAsync("GetItem", single, auth);
            if (reply.Status != 200)
            {
                return reply;
            }

            var item = JsonNode.Parse(reply.Body)?["Item"];
            responses.Add(item is null ? new JsonObject() : new JsonObject { ["Item"] = item.DeepClone() });
        }

        return Ok(new JsonObject { ["Responses"] = responses });
    }

    private Reply UpdateTimeToLive(JsonObject request)
    {
        var specification = request["TimeToLiveSpecification"]!.AsObject();
        _timeToLive[request["TableName"]!.GetValue<string>()] = specification;
        return Ok(new JsonObject { ["TimeToLiveSpecification"] = specification.DeepClone() });
    }

    private async Task<JsonObject> KeyOfAsync(string table, JsonObject item, (string?, string?) auth)
    {
        if (!_keyNames.TryGetValue(table, out var names))
        {
            var reply = await SendAsync("DescribeTable", new JsonObject { ["TableName"] = table }, auth);
            names = [.. JsonNode.Parse(reply.Body)!["Table"]!["KeySchema"]!.AsArray().Select(k => k!["AttributeName"]!.GetValue<string>())];
            _keyNames[table] = names;
        }

        var key = new JsonObject();
        foreach (var name in names)
        {
            key[name] = item[name]!.DeepClone();
        }

        return key;
    }

    private Task<Reply> SendAsync(string operation, JsonObject body, (string?, string?) auth) =>
        SendAsync(operation, Encoding.UTF8.GetBytes(body.ToJsonString()), auth);

    private async Task<Reply> SendAsync(string operation, byte[] body, (string? Authorization, string? Date) auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _dynalite) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        request.Headers.TryAddWithoutValidation("Authorization", auth.Authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", auth.Date);
        using var response = await _http.SendAsync(request);
        var crc = response.Headers.TryGetValues("x-amz-crc32", out var values) ? values.FirstOrDefault() : null;
        return new Reply((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), crc);
    }

    private static Reply Ok(JsonObject body) => new(200, Encoding.UTF8.GetBytes(body.ToJsonString()), null);

    private static Reply Error(string type, string message) =>
        new(400, Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = $"com.amazonaws.dynamodb.v20120810#{type}", ["message"] = message }.ToJsonString()), null);

    private static Reply Cancelled(int count, int failed)
    {
        var reasons = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            reasons.Add(i == failed
                ? new JsonObject { ["Code"] = "ConditionalCheckFailed", ["Message"] = "The conditional request failed" }
                : new JsonObject { ["Code"] = "None" });
        }

        var codes = string.Join(", ", Enumerable.Range(0, count).Select(i => i == failed ? "ConditionalCheckFailed" : "None"));
        return new(400, Encoding.UTF8.GetBytes(new JsonObject
        {
            ["__type"] = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
            ["Message"] = $"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]",
            ["CancellationReasons"] = reasons,
        }.ToJsonString()), null);
    }

    private sealed record Reply(int Status, byte[] Body, string? Crc32);
}

/// <summary>One request the shim saw: the DynamoDB operation, its table and, for queries and scans, its index.</summary>
public sealed record ShimRequest(string Operation, string? Table, string? Index);
