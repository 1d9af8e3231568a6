namespace Scheduler.Gateway.Common;

/// <summary>The gateway's log messages.</summary>
public static partial class GatewayLog
{
    /// <summary>A request was accepted.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="created">Whether this post created it (false: an idempotent repeat).</param>
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Interview request {Tenant}/{RequestId} accepted (created: {Created}).")]
    public static partial void RequestAccepted(ILogger logger, string tenant, string requestId, bool created);

    /// <summary>A batch was processed.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="accepted">Accepted items.</param>
    /// <param name="rejected">Rejected items.</param>
    /// <param name="elapsedMilliseconds">Wall time in milliseconds.</param>
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Batch for {Tenant}: {Accepted} accepted, {Rejected} rejected in {ElapsedMilliseconds} ms.")]
    public static partial void BatchProcessed(ILogger logger, string tenant, int accepted, int rejected, long elapsedMilliseconds);

    /// <summary>A batch item could not be stored.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="index">The item index.</param>
    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Batch item {Index} for {Tenant} could not be stored.")]
    public static partial void BatchItemFailed(ILogger logger, Exception exception, string tenant, int index);

    /// <summary>The development signing key is in use.</summary>
    /// <param name="logger">The logger.</param>
    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "No Auth:SigningKey is configured: using the public development key (Development environment only). Mint a token with: dotnet run --project Gateway -- token --tenant demo")]
    public static partial void DevelopmentKeyInUse(ILogger logger);

    /// <summary>The demo dataset was loaded.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="tenant">The demo tenant.</param>
    /// <param name="participants">How many participants.</param>
    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Demo dataset loaded into tenant '{Tenant}': {Participants} participants and pool 'backend'.")]
    public static partial void DemoLoaded(ILogger logger, string tenant, int participants);

    /// <summary>A web import stopped before every row was sent.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="exception">Why.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="importId">The import id.</param>
    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Import {ImportId} of tenant '{Tenant}' stopped before every row was sent; sending the same file again continues it.")]
    public static partial void BatchImportStopped(ILogger logger, Exception exception, string tenant, string importId);
}
