using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scheduler.Providers.DynamoDB.Health;

/// <summary>Registers <see cref="DynamoDBHealthCheck"/>.</summary>
public static class DynamoDBHealthCheckExtensions
{
    /// <summary>Adds a check that the DynamoDB tables exist and are <c>ACTIVE</c> (for a readiness endpoint).</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configureOptions">Sets the connection and <see cref="DynamoDBHealthCheckOptions.TableNames"/>.</param>
    /// <param name="name">The check's name (default <c>dynamodb</c>); also names its options.</param>
    /// <param name="tags">Tags to select the check by, for example <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddDynamoDBTables(this IHealthChecksBuilder builder, Action<DynamoDBHealthCheckOptions> configureOptions, string name = "dynamodb", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddOptions<DynamoDBHealthCheckOptions>(name).Configure(configureOptions);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDBHealthCheckOptions>, DynamoDBOptionsValidation<DynamoDBHealthCheckOptions>>());
        builder.Services.AddKeyedSingleton(name, (sp, _) => new DynamoDBHealthCheck(sp.GetRequiredService<IOptionsMonitor<DynamoDBHealthCheckOptions>>().Get(name)));
        return builder.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredKeyedService<DynamoDBHealthCheck>(name), failureStatus: null, tags));
    }
}
