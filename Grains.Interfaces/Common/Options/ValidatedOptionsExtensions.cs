using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Common.Options;

/// <summary>Registers options that are validated when the host starts, so bad configuration stops the process with a message naming the key.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TOptions"/> bound from <paramref name="section"/> of <paramref name="configuration"/>,
    /// checked by <see cref="ConfigurationKeyValidator{TOptions}"/> at start-up (<c>ValidateOnStart</c>).
    /// </summary>
    /// <typeparam name="TOptions">The options class, with data annotations.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="section">The section path, for example <c>Notifications:Outbox</c>.</param>
    /// <returns>The options builder, for further configuration.</returns>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddValidatedOptions<TOptions>(section).Bind(configuration.GetSection(section));
    }

    /// <summary>
    /// Adds <typeparamref name="TOptions"/> (configured by the caller, for example from a delegate) checked by
    /// <see cref="ConfigurationKeyValidator{TOptions}"/> at start-up, its messages naming keys under <paramref name="section"/>.
    /// </summary>
    /// <typeparam name="TOptions">The options class, with data annotations.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="section">The section path the options come from.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/> (the caller configures them through the builder).</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Action<TOptions>? configure = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions>(section));
        var builder = services.AddOptions<TOptions>().ValidateOnStart();
        return configure is null ? builder : builder.Configure(configure);
    }
}
