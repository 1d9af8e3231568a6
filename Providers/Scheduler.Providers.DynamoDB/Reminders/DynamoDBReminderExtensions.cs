namespace Scheduler.Providers.DynamoDB.Reminders;

/// <summary>Registers <see cref="DynamoDBReminderTable"/> on a silo.</summary>
public static class DynamoDBReminderExtensions
{
    /// <summary>Adds Orleans' reminder service with its table in DynamoDB.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureOptions">Sets the options (table, endpoint, credentials, ...).</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder UseDynamoDBReminderService(this ISiloBuilder builder, Action<DynamoDBReminderStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        builder.AddReminders();
        DynamoDBOptionsValidator.Configure(builder.Services, configureOptions, "DynamoDB reminders");
        builder.Services.AddSingleton<IReminderTable, DynamoDBReminderTable>();
        return builder;
    }
}
