using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Scheduler.Gateway.Hosting;
using Scheduler.Grains.Batches;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Validates and stores the items of a batch concurrently with bounded parallelism
/// (<see cref="GatewayOptions.BatchParallelism"/>). Every item is judged on its own; accepted items
/// are persisted by their request grains before the answer is returned. Auto-book items that
/// compete for the same interviewers are cut into chunks (<see cref="BatchPartition"/>), stored
/// chunk by chunk, and each chunk is handed to a batch planner (<see cref="IBatchPlannerGrain"/>) as
/// soon as its last item is stored, so planning overlaps with storing and booking the rest.
/// </summary>
/// <param name="submitter">Stores requests.</param>
/// <param name="json">The API's JSON options.</param>
/// <param name="options">The gateway options.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
/// <param name="factory">The grain factory (for the batch planners).</param>
public sealed class BatchProcessor(RequestSubmitter submitter, IOptions<HttpJsonOptions> json, IOptions<GatewayOptions> options, TimeProvider time, ILogger<BatchProcessor> logger, IGrainFactory factory)
{
    /// <summary>The largest batch.</summary>
    public const int MaxItems = 10_000;

    /// <summary>The error of an item whose JSON does not fit the request body (a value of the wrong type, e.g. an unknown <c>mode</c>).</summary>
    public const string WrongTypeMessage = "Invalid JSON or a value of the wrong type.";

    /// <summary>Processes a batch: validates every item (<see cref="ValidateAsync"/>), then stores the valid ones (<see cref="SubmitAsync"/>).</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="items">1–<see cref="MaxItems"/> raw items.</param>
    /// <param name="idempotencyKey">The batch's <c>Idempotency-Key</c>; item <c>i</c> without an external id uses <c>{key}#{i}</c>.</param>
    /// <param name="cancellationToken">Stops processing items that have not started.</param>
    /// <returns>One outcome per item, in order.</returns>
    public async Task<BatchResponse> ProcessAsync(TenantGrains grains, IReadOnlyList<JsonElement> items, string? idempotencyKey, CancellationToken cancellationToken) =>
        await SubmitAsync(grains, await ValidateAsync(grains, items, cancellationToken), idempotencyKey, null, cancellationToken);

    /// <summary>
    /// Judges every item on its own, concurrently: its JSON shape, every field and the participants and pools it names
    /// (<see cref="InterviewRequestValidator"/>), and that no two valid items share an external id. Stores nothing.
    /// </summary>
    /// <param name="grains">The tenant's grains (the references are checked in this tenant).</param>
    /// <param name="items">The raw items (the caller bounds them to <see cref="MaxItems"/>).</param>
    /// <param name="cancellationToken">Stops validating items that have not started.</param>
    /// <returns>Per item, its spec or why it was rejected.</returns>
    public async Task<BatchValidation> ValidateAsync(TenantGrains grains, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(items);
        var specs = new InterviewRequestSpec?[items.Count];
        var rejected = new BatchItemResponse?[items.Count];
        var references = new ReferenceChecker(grains);
        var now = time.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), Parallelism(cancellationToken), async (index, token) =>
        {
            (specs[index], rejected[index]) = await ValidateItemAsync(references, items[index], index, now, token);
        });

        RejectRepeatedExternalIds(specs, rejected);
        return new BatchValidation(specs, rejected);
    }

    /// <summary>
    /// Stores the valid items of <paramref name="validation"/> concurrently (auto-book items that compete for interviewers
    /// chunk by chunk, each chunk handed to a batch planner once stored); returns once every stored item is persisted.
    /// </summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="validation">The judged items.</param>
    /// <param name="idempotencyKey">The batch's idempotency key; item <c>i</c> without an external id uses <c>{key}#{i}</c>.</param>
    /// <param name="stored">Told of each valid item as soon as it is stored or failed to be (from any thread); optional.</param>
    /// <param name="cancellationToken">Stops storing items that have not started.</param>
    /// <returns>One outcome per item, in order (rejected items with their errors).</returns>
    public async Task<BatchResponse> SubmitAsync(TenantGrains grains, BatchValidation validation, string? idempotencyKey, Action<BatchItemResponse>? stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(validation);
        var started = Stopwatch.GetTimestamp();
        var results = new BatchItemResponse[validation.Count];
        var specs = new InterviewRequestSpec?[validation.Count];
        for (var i = 0; i < specs.Length; i++)
        {
            specs[i] = validation.Spec(i);
            results[i] = validation.RejectionOf(i)!;
        }

        var chunkOf = Chunk(specs, out var order);
        var batchId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        await Parallel.ForEachAsync(order, Parallelism(cancellationToken), async (index, token) =>
        {
            var chunk = chunkOf[index];
            var spec = specs[index]! with { AwaitBatchPlan = chunk is not null };
            results[index] = await SubmitItemAsync(grains, spec, index, idempotencyKey, token);
            stored?.Invoke(results[index]);
            var accepted = results[index].Id is { } id ? new BatchPlanItem(id, spec) : null;
            if (chunk?.Complete(accepted) is { } planned)
            {
                BatchPlanTrigger.Start(factory, grains.Tenant, $"{batchId}.{chunk.Number}", planned, logger);
            }
        });

        var acceptedCount = results.Count(r => r.Error is null);
        GatewayLog.BatchProcessed(logger, grains.Tenant, acceptedCount, results.Length - acceptedCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BatchResponse(results, acceptedCount, results.Length - acceptedCount);
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Clamp(options.Value.BatchParallelism, 1, 256), CancellationToken = cancellationToken };

    /// <summary>An external id names one request: a valid item repeating an earlier item's id is rejected, not counted twice.</summary>
    private static void RejectRepeatedExternalIds(InterviewRequestSpec?[] specs, BatchItemResponse?[] results)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Length; i++)
        {
            if (specs[i]?.ExternalId is { } externalId && !first.TryAdd(externalId, i))
            {
                results[i] = Rejected(i, "externalId", $"Item {first[externalId]} of this batch has the same external id; each names one request.");
                specs[i] = null;
            }
        }
    }

    /// <summary>
    /// Cuts the valid auto-book items into chunks of two or more (the rest get none), and the order to
    /// store the valid items in: chunk by chunk, then the unchunked ones.
    /// </summary>
    private static BatchChunk?[] Chunk(InterviewRequestSpec?[] specs, out List<int> order)
    {
        var chunkOf = new BatchChunk?[specs.Length];
        var autoBook = Enumerable.Range(0, specs.Length).Where(i => specs[i] is { Mode: SchedulingMode.AutoBook }).ToArray();
        order = new List<int>(specs.Length);
        if (autoBook.Length > 1)
        {
            var number = 0;
            foreach (var part in BatchPartition.Chunks([.. autoBook.Select(i => specs[i]!)]).Where(p => p.Count > 1))
            {
                var chunk = new BatchChunk(number++, part.Count);
                foreach (var position in part)
                {
                    chunkOf[autoBook[position]] = chunk;
                    order.Add(autoBook[position]);
                }
            }
        }

        order.AddRange(Enumerable.Range(0, specs.Length).Where(i => specs[i] is not null && chunkOf[i] is null));
        return chunkOf;
    }

    private async Task<(InterviewRequestSpec? Spec, BatchItemResponse? Rejected)> ValidateItemAsync(
        ReferenceChecker references, JsonElement item, int index, DateTimeOffset now, CancellationToken cancellationToken)
    {
        InterviewRequestBody? body;
        try
        {
            body = item.ValueKind == JsonValueKind.Object ? item.Deserialize<InterviewRequestBody>(json.Value.SerializerOptions) : null;
        }
        catch (JsonException ex)
        {
            return (null, Rejected(index, FieldPath.FromJsonPath(ex.Path), WrongTypeMessage));
        }

        if (body is null)
        {
            return (null, Rejected(index, "body", "Each item must be a JSON object."));
        }

        var errors = await InterviewRequestValidator.ValidateAsync(body, references, now, cancellationToken);
        return errors.IsEmpty
            ? (InterviewRequestValidator.ToSpec(body), null)
            : (null, new BatchItemResponse(index, null, null, new BatchItemError(errors.FirstAsText()!, errors.ToDictionary())));
    }

    private async Task<BatchItemResponse> SubmitItemAsync(TenantGrains grains, InterviewRequestSpec spec, int index, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var key = RequestSubmitter.ClaimKey(spec.ExternalId, idempotencyKey is null ? null : $"{idempotencyKey}#{index}");
            var outcome = await submitter.SubmitAsync(grains, spec, key, cancellationToken);
            return new BatchItemResponse(index, outcome.Request.Id, outcome.Request.Status, null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException || ClusterFaults.IsUnavailable(ex))
        {
            GatewayLog.BatchItemFailed(logger, ex, grains.Tenant, index);
            return Rejected(index, "body", ex is ArgumentException ? ex.Message : "The request could not be stored; retry the item.");
        }
    }

    private static BatchItemResponse Rejected(int index, string field, string message) =>
        new(index, null, null, new BatchItemError($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] }));
}
