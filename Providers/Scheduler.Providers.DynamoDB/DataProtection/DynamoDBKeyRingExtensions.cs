using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Scheduler.Providers.DynamoDB.DataProtection;

/// <summary>Registers the shared Data Protection key ring in DynamoDB (<see cref="DynamoDBXmlRepository"/>).</summary>
public static class DynamoDBKeyRingExtensions
{
    /// <summary>
    /// Keeps the host's Data Protection keys in DynamoDB. Set as a post-configuration of
    /// <see cref="KeyManagementOptions.XmlRepository"/>, so it wins over a file-system ring that
    /// other registrations add.
    /// </summary>
    /// <param name="builder">The Data Protection builder.</param>
    /// <param name="configureOptions">Sets the options (table, service id, endpoint, credentials, ...).</param>
    /// <returns>The builder.</returns>
    /// <remarks>Invalid options fail with an <see cref="OptionsValidationException"/> naming the option when the ring is first used.</remarks>
    public static IDataProtectionBuilder PersistKeysToDynamoDB(this IDataProtectionBuilder builder, Action<DynamoDBKeyRingOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        var services = builder.Services;
        services.AddOptions<DynamoDBKeyRingOptions>().Configure(configureOptions);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDBKeyRingOptions>, DynamoDBOptionsValidation<DynamoDBKeyRingOptions>>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DynamoDBKeyRingOptions>>().Value;
            var serviceId = options.ServiceId ?? sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            return new DynamoDBXmlRepository(options, serviceId, sp.GetRequiredService<ILogger<DynamoDBXmlRepository>>());
        });
        services.AddOptions<KeyManagementOptions>().PostConfigure<DynamoDBXmlRepository>((options, repository) => options.XmlRepository = repository);
        return builder;
    }
}
