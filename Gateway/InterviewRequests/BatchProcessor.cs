using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Scheduler.Gateway.Common;
using Scheduler.Gateway.Hosting;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Validates and stores the items of a batch concurrently with bounded parallelism
/// (<see cref="GatewayOptions.BatchParallelism"/>). Every item is judged on its own; accepted items
/// are persisted by their request grains before the answer is returned.
/// </summary>
/// <param name="submitter">Stores requests.</param>
/// <param name="json">The API's JSON options.</param>
/// <param name="options">The gateway options.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
public sealed class BatchProcessor(RequestSubmitter submitter, IOptions<HttpJsonOptions> json, IOptions<GatewayOptions> options, TimeProvider time, ILogger<BatchProcessor> logger)
{
    /// <summary>The largest batch.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Processes a batch.</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="items">1–<see cref="MaxItems"/> raw items.</param>
    /// <param name="idempotencyKey">The batch's <c>Idempotency-Key</c>; item <c>i</c> without an external id uses <c>{key}#{i}</c>.</param>
    /// <param name="cancellationToken">Stops processing items that have not started.</param>
    /// <returns>One outcome per item, in order.</returns>
    public async Task<BatchResponse> ProcessAsync(TenantGrains grains, IReadOnlyList<JsonElement> items, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(items);
        var started = Stopwatch.GetTimestamp();
        var results = new BatchItemResponse[items.Count];
        var references = new ReferenceChecker(grains);
        var now = time.GetUtcNow();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(options.Value.BatchParallelism, 1, 256), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (index, token) =>
            results[index] = await ProcessItemAsync(grains, references, items[index], index, idempotencyKey, now, token));

        var accepted = results.Count(r => r.Error is null);
        GatewayLog.BatchProcessed(logger, grains.Tenant, accepted, results.Length - accepted, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BatchResponse(results, accepted, results.Length - accepted);
    }

    private async Task<BatchItemResponse> ProcessItemAsync(
        TenantGrains grains, ReferenceChecker references, JsonElement item, int index, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        InterviewRequestBody? body;
        try
        {
            body = item.ValueKind == JsonValueKind.Object ? item.Deserialize<InterviewRequestBody>(json.Value.SerializerOptions) : null;
        }
        catch (JsonException ex)
        {
            return Rejected(index, FieldPath.FromJsonPath(ex.Path), "Invalid JSON or a value of the wrong type.");
        }

        if (body is null)
        {
            return Rejected(index, "body", "Each item must be a JSON object.");
        }

        var errors = await InterviewRequestValidator.ValidateAsync(body, references, now, cancellationToken);
        if (!errors.IsEmpty)
        {
            return new BatchItemResponse(index, null, null, new BatchItemError(errors.FirstAsText()!, errors.ToDictionary()));
        }

        try
        {
            var key = RequestSubmitter.ClaimKey(body.ExternalId, idempotencyKey is null ? null : $"{idempotencyKey}#{index}");
            var outcome = await submitter.SubmitAsync(grains, InterviewRequestValidator.ToSpec(body), key, cancellationToken);
            return new BatchItemResponse(index, outcome.Request.Id, outcome.Request.Status, null);
        }
        catch (Exception ex) when (ex is ArgumentException or TimeoutException or InvalidOperationException)
        {
            GatewayLog.BatchItemFailed(logger, ex, grains.Tenant, index);
            return Rejected(index, "body", ex is ArgumentException ? ex.Message : "The request could not be stored; retry the item.");
        }
    }

    private static BatchItemResponse Rejected(int index, string field, string message) =>
        new(index, null, null, new BatchItemError($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] }));
}
