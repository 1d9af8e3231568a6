namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Log messages of the DynamoDB providers (event ids 7200–7299).</summary>
internal static partial class DynamoDBLog
{
    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "Creating DynamoDB table {TableName}")]
    public static partial void CreatingTable(ILogger logger, string tableName);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "DynamoDB table {TableName} is ready")]
    public static partial void TableReady(ILogger logger, string tableName);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Debug, Message = "Write of state {StateName} of {GrainId} lost: stored ETag {StoredETag}, expected {ExpectedETag}")]
    public static partial void StateConflict(ILogger logger, string stateName, string grainId, string? storedETag, string? expectedETag);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "DynamoDB grain storage {Name} uses table {TableName}")]
    public static partial void StorageInitialized(ILogger logger, string name, string tableName);

    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "Created the membership version row of cluster {ClusterId}")]
    public static partial void VersionRowCreated(ILogger logger, string clusterId);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Debug, Message = "Membership {Operation} of {SiloAddress} lost to a concurrent change (table version {Version}, ETag {ETag})")]
    public static partial void MembershipConflict(ILogger logger, string operation, string siloAddress, int version, string? eTag);

    [LoggerMessage(EventId = 7212, Level = LogLevel.Debug, Message = "A membership row was newer than the version row while reading cluster {ClusterId}; reading again")]
    public static partial void MembershipReread(ILogger logger, string clusterId);

    [LoggerMessage(EventId = 7213, Level = LogLevel.Warning, Message = "Ignoring unreadable membership row {SiloIdentity} of cluster {ClusterId}")]
    public static partial void MembershipRowUnreadable(ILogger logger, Exception exception, string siloIdentity, string clusterId);

    [LoggerMessage(EventId = 7214, Level = LogLevel.Information, Message = "Removed {Count} defunct silo rows of cluster {ClusterId}")]
    public static partial void DefunctRowsRemoved(ILogger logger, int count, string clusterId);

    [LoggerMessage(EventId = 7220, Level = LogLevel.Debug, Message = "Removal of reminder {ReminderName} of {GrainId} skipped: ETag {ETag} is no longer current")]
    public static partial void ReminderConflict(ILogger logger, string reminderName, string grainId, string eTag);
}
