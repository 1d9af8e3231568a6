namespace Scheduler.Providers.DynamoDB.Reminders;

/// <summary>Options of <see cref="DynamoDBReminderTable"/>; the table is <see cref="DefaultTableName"/> unless set.</summary>
public sealed class DynamoDBReminderStorageOptions() : DynamoDBTableOptions(DefaultTableName)
{
    /// <summary>The official provider's default table name.</summary>
    public const string DefaultTableName = "OrleansReminders";
}
