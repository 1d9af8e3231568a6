using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// When <see cref="DynamoDbOptions.CreateTables"/> is set, creates missing tables in the host's <c>Starting</c> phase, before any hosted service (the
/// silo, its reminder service) starts, so the providers never see a missing table.
/// </summary>
internal sealed class DynamoDbTableCreationService(DynamoDbConnection connection, ILogger<DynamoDbTableCreationService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var options = connection.Options;
        if (!options.CreateTables)
        {
            return;
        }

        // Waiting on an external service: real time, whatever clock the silo runs on.
        await DynamoDbTables.EnsureTableAsync(connection.Client, options.GrainStateTableName, TimeProvider.System, options.TableActiveTimeout, logger, cancellationToken).ConfigureAwait(false);
        await DynamoDbTables.EnsureTableAsync(connection.Client, options.ReminderTableName, TimeProvider.System, options.TableActiveTimeout, logger, cancellationToken).ConfigureAwait(false);
        await DynamoDbTables.EnsureTableAsync(connection.Client, options.MembershipTableName, TimeProvider.System, options.TableActiveTimeout, logger, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
