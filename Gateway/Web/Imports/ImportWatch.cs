using Scheduler.Grains.Imports;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// Follows one import for a page: reads its record (<c>IBatchImportGrain</c>) and, while rows are being accepted, the
/// run in this process; then the status of each request not yet settled (<see cref="IInterviewRequestGrain.Get"/>, which
/// never waits behind negotiation). A settled request is not read again, nor the record once complete. Not safe for concurrent use: one per page.
/// </summary>
/// <param name="grains">The viewer's tenant's grains.</param>
/// <param name="importId">The import id.</param>
/// <param name="runs">The imports being sent now.</param>
public sealed class ImportWatch(TenantGrains grains, string importId, ImportRuns runs)
{
    /// <summary>How many request statuses are read at once.</summary>
    public const int ReadParallelism = 32;

    private readonly Dictionary<string, RequestStatus> _settled = new(StringComparer.Ordinal);
    private BatchImportView? _completed;

    /// <summary>Reads the import as it stands.</summary>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The progress, or <see langword="null"/> when no import of this id exists in the tenant.</returns>
    public async Task<ImportProgress?> ReadAsync(CancellationToken cancellationToken)
    {
        var record = _completed ?? (FieldRules.IsValidId(importId) ? await grains.Import(importId).Get().WaitAsync(cancellationToken) : null);
        if (record is null)
        {
            return null;
        }

        if (record.CompletedAt is null)
        {
            var run = runs.Find(ImportRuns.Key(grains.Tenant, importId));
            var failure = run?.Failure ?? (run is null ? "The import is not being sent now (the server restarted before every row was sent). Choose the same file again to continue: the rows already stored are found, not repeated." : null);
            return new ImportProgress(record.FileName, record.Rows, run?.Handled ?? 0, failure, []);
        }

        _completed = record;
        var unsettled = record.Items.Where(i => i.RequestId is { } id && !_settled.ContainsKey(id)).Select(i => i.RequestId!).ToList();
        var read = new System.Collections.Concurrent.ConcurrentDictionary<string, RequestStatus>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(unsettled, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            if (await grains.Request(id).Get() is { } view)
            {
                read[id] = view.Status;
            }
        });

        foreach (var (id, status) in read.Where(r => ImportedRequest.IsSettled(r.Value)))
        {
            _settled[id] = status;
        }

        var requests = record.Items.Select(i => new ImportedRequest(
            i.Row,
            i.RequestId,
            i.RequestId is null ? null : _settled.TryGetValue(i.RequestId, out var settled) ? settled : read.TryGetValue(i.RequestId, out var current) ? current : null,
            i.Error)).ToList();
        return new ImportProgress(record.FileName, record.Rows, record.Rows, null, requests);
    }
}
