using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scheduler.Runtime.Diagnostics;

/// <summary>
/// The runtime's traces and metrics. Traces: <see cref="ActivitySourceName"/> (grain calls that
/// leave the inline fast path, storage operations). Metrics: <see cref="MeterName"/>:
/// <c>scheduler.grain.calls</c> (count), <c>scheduler.grain.activations</c> and
/// <c>scheduler.grain.deactivations</c> (count, tag <c>grain.type</c>),
/// <c>scheduler.grain.activation.duration</c> (ms), <c>scheduler.storage.duration</c> (ms, tags
/// <c>operation</c>, <c>storage</c>, <c>outcome</c>).
/// </summary>
public sealed class RuntimeInstrumentation : IDisposable
{
    /// <summary>The name of the runtime's <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Scheduler.Runtime";

    /// <summary>The name of the runtime's <see cref="Meter"/>.</summary>
    public const string MeterName = "Scheduler.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _deactivations;
    private readonly Histogram<double> _activationDuration;
    private readonly Histogram<double> _storageDuration;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public RuntimeInstrumentation(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _calls = _meter.CreateCounter<long>("scheduler.grain.calls", description: "Grain calls issued by this silo.");
        _activations = _meter.CreateCounter<long>("scheduler.grain.activations", description: "Activations created.");
        _deactivations = _meter.CreateCounter<long>("scheduler.grain.deactivations", description: "Activations deactivated.");
        _activationDuration = _meter.CreateHistogram<double>("scheduler.grain.activation.duration", unit: "ms", description: "Time to activate a grain, state read included.");
        _storageDuration = _meter.CreateHistogram<double>("scheduler.storage.duration", unit: "ms", description: "Grain storage operation latency.");
    }

    /// <summary>The runtime's activity source.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    internal void RecordCall() => _calls.Add(1);

    internal void RecordActivation(string grainType, TimeSpan elapsed)
    {
        _activations.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
        _activationDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("grain.type", grainType));
    }

    internal void RecordDeactivation(string grainType, DeactivationReason reason) =>
        _deactivations.Add(1, new KeyValuePair<string, object?>("grain.type", grainType), new KeyValuePair<string, object?>("reason", reason.ToString()));

    internal StorageOperation StartStorageOperation(string operation, string storage, GrainId grainId, string stateName)
    {
        var activity = ActivitySource.StartActivity("storage " + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("grain.id", grainId.ToString());
            activity.SetTag("state.name", stateName);
            activity.SetTag("storage", storage);
        }

        return new StorageOperation(this, operation, storage, activity, Stopwatch.GetTimestamp());
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    /// <summary>Measures one storage operation; dispose it when the operation ends.</summary>
    internal struct StorageOperation(RuntimeInstrumentation owner, string operation, string storage, Activity? activity, long started) : IDisposable
    {
        private bool _succeeded;

        public void Succeeded() => _succeeded = true;

        public readonly void Dispose()
        {
            var outcome = _succeeded ? "success" : "failure";
            owner._storageDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("storage", storage),
                new KeyValuePair<string, object?>("outcome", outcome));
            if (activity is not null)
            {
                activity.SetStatus(_succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
                activity.Dispose();
            }
        }
    }
}
