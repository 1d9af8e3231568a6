using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;

namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>
/// The part every provider that owns one DynamoDB table shares (membership, gateway list, reminders, grain storage,
/// key ring): its validated options, the client created from them (disposed with the provider), its logger, and the
/// check or creation of its table (<see cref="DynamoDBTableOptions.CreateIfNotExists"/>).
/// </summary>
/// <typeparam name="TOptions">The provider's options: the table and the connection.</typeparam>
public abstract class DynamoDBTableProvider<TOptions> : IDisposable
    where TOptions : DynamoDBTableOptions
{
    /// <summary>Keeps the options and the logger and creates the client.</summary>
    /// <param name="options">The table and connection (validated).</param>
    /// <param name="logger">The provider's logger.</param>
    private protected DynamoDBTableProvider(TOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Logger = logger;
        Client = DynamoDBClientFactory.Create(options);
    }

    /// <summary>The table and connection.</summary>
    private protected TOptions Options { get; }

    /// <summary>The provider's logger.</summary>
    private protected ILogger Logger { get; }

    /// <summary>The DynamoDB client.</summary>
    private protected AmazonDynamoDBClient Client { get; }

    /// <summary>Disposes the DynamoDB client.</summary>
    public virtual void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Checks the table against <paramref name="schema"/>, or creates it when it is missing and creation is allowed.</summary>
    /// <param name="schema">The keys, indexes and TTL attribute the provider needs.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    private protected Task EnsureTableAsync(DynamoDBTableSchema schema, CancellationToken cancellationToken) =>
        DynamoDBTableInitializer.EnsureAsync(Client, Options, schema, Logger, cancellationToken);
}
