using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.InterviewRequests;
using Scheduler.Grains.Imports;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// Imports a file of interview requests as <c>POST /v1/interview-requests/batch</c> would: the viewer is judged by the
/// route's policy (<see cref="SchedulerPolicies.Ats"/>), every row by the route's validation
/// (<see cref="BatchProcessor.ValidateAsync"/>) before anything is sent, and the rows are stored by the route's submitter
/// (<see cref="BatchProcessor.SubmitAsync"/>) with the import id as the batch's idempotency key, so sending the same file
/// again finds the requests it created (rows with an external id by that id, the others by <c>{importId}#{index}</c>).
/// The sending runs in the background, independent of the page; its record (<see cref="IBatchImportGrain"/>) keeps which
/// request each row became.
/// </summary>
/// <param name="processor">The batch route's processor.</param>
/// <param name="factory">The grain factory.</param>
/// <param name="authorization">The authorization service with the API's policies.</param>
/// <param name="runs">The imports being sent now.</param>
/// <param name="time">The clock.</param>
/// <param name="lifetime">Stops sending when the process stops.</param>
/// <param name="logger">The logger.</param>
public sealed class BatchImporter(
    BatchProcessor processor, IGrainFactory factory, IAuthorizationService authorization, ImportRuns runs, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<BatchImporter> logger)
{
    /// <summary>Judges every row of the file; sends nothing.</summary>
    /// <param name="viewer">The signed-in person (the rows are checked in their tenant).</param>
    /// <param name="file">The file read.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>The errors per row, and the validation to send when there are none.</returns>
    public async Task<ImportCheck> CheckAsync(ClaimsPrincipal viewer, ImportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(file);
        if (!await MayAsync(viewer))
        {
            return ImportCheck.Rejected(file, Refusal);
        }

        if (file.FileError is not null)
        {
            return ImportCheck.Rejected(file, file.FileError);
        }

        var validation = await processor.ValidateAsync(Grains(viewer), [.. file.Rows.Select(r => r.Item)], cancellationToken);
        var errors = new List<ImportError>();
        for (var i = 0; i < file.Rows.Count; i++)
        {
            errors.AddRange(ErrorsOf(file.Rows[i], validation.RejectionOf(i)));
        }

        return new ImportCheck(file, errors, validation);
    }

    /// <summary>
    /// Sends a checked import in the background and records it; returns at once with the import's id. An import whose
    /// record is complete is not sent again; one being sent now is not sent twice.
    /// </summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="check">The file's check, with no errors.</param>
    /// <returns>The import id, or why it was refused.</returns>
    public async Task<ImportStart> StartAsync(ClaimsPrincipal viewer, ImportCheck check)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(check);
        if (!await MayAsync(viewer))
        {
            return new ImportStart(null, Refusal);
        }

        if (!check.IsValid)
        {
            return new ImportStart(null, "Nothing is sent while any row is invalid; fix the rows and choose the file again.");
        }

        var grains = Grains(viewer);
        var id = check.File.Id;
        var record = await grains.Import(id).Start(RecordedName(check.File.FileName), check.File.Rows.Count, time.GetUtcNow());
        if (record.CompletedAt is not null)
        {
            return new ImportStart(id, null);
        }

        var key = ImportRuns.Key(grains.Tenant, id);
        if (runs.TryBegin(key, check.File.Rows.Count) is { } run)
        {
            _ = Task.Run(() => SendAsync(grains, check, run, key), CancellationToken.None);
        }

        return new ImportStart(id, null);
    }

    /// <summary>The sentence shown to a viewer without the batch route's role.</summary>
    public static string Refusal => $"Not allowed: importing needs the {SchedulerPolicies.Ats} role.";

    private async Task SendAsync(TenantGrains grains, ImportCheck check, ImportRun run, string key)
    {
        try
        {
            var response = await processor.SubmitAsync(grains, check.Validation!, check.File.Id, _ => run.Advance(), lifetime.ApplicationStopping);
            var items = response.Items.Select(i => new BatchImportItem(i.Index + 1, i.Id, i.Error?.Detail)).ToList();
            await grains.Import(check.File.Id).Complete(items, time.GetUtcNow());
            runs.End(key, run);
        }
        catch (Exception ex) when (ex is OperationCanceledException || ClusterFaults.IsUnavailable(ex))
        {
            GatewayLog.BatchImportStopped(logger, ex, grains.Tenant, check.File.Id);
            run.Fail("The import stopped before every row was sent (the cluster could not be reached, or the server stopped). Choose the same file again to continue: the rows already stored are found, not repeated.");
        }
    }

    private async Task<bool> MayAsync(ClaimsPrincipal viewer) => (await authorization.AuthorizeAsync(viewer, SchedulerPolicies.Ats)).Succeeded;

    private TenantGrains Grains(ClaimsPrincipal viewer) => new(factory, viewer.GetTenant());

    private static string RecordedName(string fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "import" : fileName.Length > BatchImportLimits.MaxFileNameLength ? fileName[..BatchImportLimits.MaxFileNameLength] : fileName;

    /// <summary>
    /// A row's format errors, then the batch validation's, each under the CSV column that holds the field when there is one
    /// (a field whose cell was unreadable keeps only that error; a value of the wrong type is explained by the column).
    /// </summary>
    private static IEnumerable<ImportError> ErrorsOf(ImportRow row, BatchItemResponse? rejected)
    {
        foreach (var error in row.FormatErrors)
        {
            yield return error;
        }

        if (rejected?.Error is not { } rejection)
        {
            yield break;
        }

        foreach (var (path, messages) in rejection.Errors)
        {
            var column = row.Line is null ? null : ImportColumns.Covering(path);
            var field = column?.Name ?? path;
            if (row.FormatErrors.Any(f => f.Field == field))
            {
                continue;
            }

            foreach (var message in messages)
            {
                yield return new ImportError(row.Number, row.Line, field, column is not null && message == BatchProcessor.WrongTypeMessage ? $"Not a value this column takes: {column.Description}" : message);
            }
        }
    }
}
