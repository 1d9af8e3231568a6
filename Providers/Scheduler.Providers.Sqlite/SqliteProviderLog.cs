namespace Scheduler.Providers.Sqlite;

/// <summary>Source-generated log messages of the SQLite adapters.</summary>
internal static partial class SqliteProviderLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "SQLite {Provider} '{Name}' initialized on {DatabasePath} in {ElapsedMilliseconds} ms")]
    public static partial void Initialized(ILogger logger, string provider, string name, string databasePath, long elapsedMilliseconds);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "SQLite {Provider} '{Name}' failed to initialize on {DatabasePath}")]
    public static partial void InitializationFailed(ILogger logger, Exception exception, string provider, string name, string databasePath);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "ETag conflict on {Operation} of state '{StateName}' of {GrainId}: stored {StoredETag}, expected {ExpectedETag}")]
    public static partial void ETagConflict(ILogger logger, string operation, string stateName, string grainId, string? storedETag, string? expectedETag);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "SQLite grain storage '{Name}' failed to {Operation} state '{StateName}' of {GrainId}")]
    public static partial void StorageOperationFailed(ILogger logger, Exception exception, string name, string operation, string stateName, string grainId);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Debug, Message = "Reminder '{ReminderName}' of {GrainId} was not removed: its ETag is not {ExpectedETag}")]
    public static partial void ReminderRemoveConflict(ILogger logger, string reminderName, string grainId, string expectedETag);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "SQLite {Provider} '{Name}' could not commit a batch of {BatchSize} writes together; each is written alone")]
    public static partial void BatchFellBackToSingleWrites(ILogger logger, Exception exception, string provider, string name, int batchSize);
}
