using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace Scheduler.Providers.DynamoDB.Storage;

/// <summary>Registers <see cref="DynamoDBGrainStorage"/> on a silo.</summary>
public static class DynamoDBGrainStorageExtensions
{
    /// <summary>Adds a named DynamoDB grain storage provider.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider's name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configureOptions">Sets the options (table, endpoint, credentials, TTL, ...).</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the silo starts; invalid ones stop it with an <see cref="OrleansConfigurationException"/> naming the option.</remarks>
    public static ISiloBuilder AddDynamoDBGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDBStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configureOptions);
        var services = builder.Services;
        DynamoDBOptionsValidator.Configure(services, configureOptions, $"DynamoDB grain storage '{name}'", name);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<DynamoDBStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<DynamoDBStorageOptions>>());
        services.AddGrainStorage(name, (sp, providerName) => new DynamoDBGrainStorage(
            providerName,
            sp.GetRequiredService<IOptionsMonitor<DynamoDBStorageOptions>>().Get(providerName),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<DynamoDBGrainStorage>>()));
        return builder;
    }

    /// <summary>Adds DynamoDB grain storage as the default provider (name <c>Default</c>), used by grains that name none.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureOptions">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddDynamoDBGrainStorageAsDefault(this ISiloBuilder builder, Action<DynamoDBStorageOptions> configureOptions) =>
        builder.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);
}
