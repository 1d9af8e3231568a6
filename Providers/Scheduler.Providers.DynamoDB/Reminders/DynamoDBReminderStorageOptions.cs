using Scheduler.Providers.DynamoDB.Common;

namespace Scheduler.Providers.DynamoDB.Reminders;

/// <summary>Options of <see cref="DynamoDBReminderTable"/>.</summary>
public sealed class DynamoDBReminderStorageOptions : DynamoDBTableOptions
{
    /// <summary>The official provider's default table name.</summary>
    public const string DefaultTableName = "OrleansReminders";

    /// <summary>Creates the options with table <see cref="DefaultTableName"/>.</summary>
    public DynamoDBReminderStorageOptions()
        : base(DefaultTableName)
    {
    }
}
