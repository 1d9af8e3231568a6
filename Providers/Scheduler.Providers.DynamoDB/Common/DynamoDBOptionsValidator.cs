namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Validates a provider's DynamoDB options when the silo or client starts (Orleans' <see cref="IConfigurationValidator"/>).</summary>
/// <param name="options">The options to validate.</param>
/// <param name="provider">What the options configure, for the message (for example <c>DynamoDB grain storage 'Default'</c>).</param>
internal sealed class DynamoDBOptionsValidator(DynamoDBClientOptions options, string provider) : IConfigurationValidator
{
    /// <summary>Throws when the options are invalid.</summary>
    /// <exception cref="OrleansConfigurationException">One or more options are invalid; the message names each of them.</exception>
    public void ValidateConfiguration()
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"Configuration of {provider} is invalid: {string.Join(" ", problems)}");
        }
    }

    /// <summary>Configures an Orleans provider's options and validates them when the silo or client starts.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="services">The silo's or client's services.</param>
    /// <param name="configureOptions">Sets the options.</param>
    /// <param name="provider">What the options configure, for the message (for example <c>DynamoDB reminders</c>).</param>
    /// <param name="name">The options' name (a named provider's name), or <see langword="null"/> for the unnamed options.</param>
    public static void Configure<TOptions>(IServiceCollection services, Action<TOptions> configureOptions, string provider, string? name = null)
        where TOptions : DynamoDBClientOptions
    {
        name ??= Options.DefaultName;
        services.AddOptions<TOptions>(name).Configure(configureOptions);
        services.AddSingleton<IConfigurationValidator>(sp => new DynamoDBOptionsValidator(sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name), provider));
    }
}
