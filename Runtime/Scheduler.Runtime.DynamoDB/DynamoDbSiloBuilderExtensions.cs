using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Registers the DynamoDB providers in a silo.</summary>
public static class DynamoDbSiloBuilderExtensions
{
    /// <summary>
    /// Uses DynamoDB for the default grain storage provider (<c>Default</c>), the reminder table,
    /// the membership table (partition <c>{serviceId}/{clusterId}</c>) and the storage readiness
    /// probe (<c>DescribeTable</c>). Keys are prefixed with
    /// <see cref="SiloOptions.ServiceId"/>. With <see cref="DynamoDbOptions.CreateTables"/>,
    /// missing tables are created before the silo starts and the host waits until they are
    /// <c>ACTIVE</c>.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options (endpoint, region, table prefix, table creation).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the providers are first resolved: <see cref="DynamoDbOptions.ReminderBucketBits"/> is outside 1–16.</exception>
    public static SiloBuilder UseDynamoDb(this SiloBuilder builder, Action<DynamoDbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.TryAddSingleton(sp => new DynamoDbConnection(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        services.AddKeyedSingleton<IGrainStorage>(PersistentStateAttribute.DefaultStorageName, (sp, _) =>
        {
            var connection = sp.GetRequiredService<DynamoDbConnection>();
            return new DynamoDbGrainStorage(
                connection.Client,
                connection.Options.GrainStateTableName,
                sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DynamoDbGrainStorage>>());
        });
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp =>
        {
            var connection = sp.GetRequiredService<DynamoDbConnection>();
            return new DynamoDbReminderTable(
                connection.Client,
                connection.Options.ReminderTableName,
                sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
                connection.Options.ReminderBucketBits,
                sp.GetRequiredService<ILogger<DynamoDbReminderTable>>());
        }));
        services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(DynamoDbMembershipTable.Create));
        services.AddSingleton<IStorageHealthProbe>(sp => new DynamoDbHealthProbe(sp.GetRequiredService<DynamoDbConnection>()));
        services.AddSingleton<DynamoDbTableCreationService>();
        services.AddHostedService(sp => sp.GetRequiredService<DynamoDbTableCreationService>());
        return builder;
    }
}
