using System.Collections.Concurrent;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// The imports this process is sending now, by <c>{tenant}/{importId}</c>, so that the import's page (also after a
/// reload) shows rows being accepted; once every row is handed over the import's record grain has the requests and
/// the run is forgotten. A run that failed stays, to say why, until the same import is started again.
/// </summary>
public sealed class ImportRuns
{
    private readonly ConcurrentDictionary<string, ImportRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Starts tracking a run, unless one of the same import is still going.</summary>
    /// <param name="key">The tenant and import id.</param>
    /// <param name="total">How many rows are being sent.</param>
    /// <returns>The new run, or <see langword="null"/> when the import is being sent already.</returns>
    public ImportRun? TryBegin(string key, int total)
    {
        var run = new ImportRun(total);
        while (true)
        {
            if (_runs.TryAdd(key, run))
            {
                return run;
            }

            if (_runs.TryGetValue(key, out var existing) && existing.Failure is null)
            {
                return null;
            }

            if (existing is not null)
            {
                _runs.TryRemove(new KeyValuePair<string, ImportRun>(key, existing));
            }
        }
    }

    /// <summary>The run of an import, while it is being sent or after it failed.</summary>
    /// <param name="key">The tenant and import id.</param>
    /// <returns>The run, or <see langword="null"/>.</returns>
    public ImportRun? Find(string key) => _runs.GetValueOrDefault(key);

    /// <summary>Forgets a run that handed every row over.</summary>
    /// <param name="key">The tenant and import id.</param>
    /// <param name="run">The run.</param>
    public void End(string key, ImportRun run) => _runs.TryRemove(new KeyValuePair<string, ImportRun>(key, run));

    /// <summary>The key of an import.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="importId">The import id.</param>
    /// <returns><c>{tenant}/{importId}</c>.</returns>
    public static string Key(string tenant, string importId) => $"{tenant}/{importId}";
}
