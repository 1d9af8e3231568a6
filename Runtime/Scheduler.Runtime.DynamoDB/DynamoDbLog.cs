using Microsoft.Extensions.Logging;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Log messages of the DynamoDB providers.</summary>
internal static partial class DynamoDbLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Conditional write of state {StateName} of {GrainId} failed: stored version {StoredETag}, expected {ExpectedETag}")]
    public static partial void WriteConflict(ILogger logger, string grainId, string stateName, string? storedETag, string? expectedETag);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Creating DynamoDB table {TableName}")]
    public static partial void CreatingTable(ILogger logger, string tableName);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "DynamoDB table {TableName} is active")]
    public static partial void TableActive(ILogger logger, string tableName);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} changed or was removed meanwhile; version {ExpectedETag} is stale")]
    public static partial void ReminderConflict(ILogger logger, string grainId, string reminderName, string expectedETag);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Conditional membership write ({What}) in cluster {ClusterId} lost to another change")]
    public static partial void MembershipConflict(ILogger logger, string clusterId, string what);
}
