using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace Scheduler.Providers.Sqlite;

/// <summary>Registers the SQLite adapters on a silo, in the style of Orleans' own providers.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Adds SQLite grain storage as the default grain storage provider (named <c>Default</c>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteProviderOptions.DatabasePath"/> is required.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>
    /// Adds a named SQLite grain storage provider (<c>[PersistentState("state", name)]</c>). Its
    /// options are named options; a missing serializer is taken from DI (the
    /// <see cref="IGrainStorageSerializer"/> keyed by <paramref name="name"/>, else the default one),
    /// and the options are validated when the silo starts.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteProviderOptions.DatabasePath"/> is required.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(sp => new SqliteOptionsValidator<SqliteGrainStorageOptions>(
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
        services.AddGrainStorage(name, static (sp, providerName) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            sp, providerName, sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(providerName)));
        return builder;
    }

    /// <summary>
    /// Adds Orleans' reminder service (<c>AddReminders</c>) with its table in SQLite, scoped by the
    /// cluster's service id.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteProviderOptions.DatabasePath"/> is required.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddReminders();
        var services = builder.Services;
        services.AddOptions<SqliteReminderTableOptions>().Configure(configure);
        services.AddTransient<IConfigurationValidator>(sp => new SqliteOptionsValidator<SqliteReminderTableOptions>(
            sp.GetRequiredService<IOptions<SqliteReminderTableOptions>>().Value, "reminders"));
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return builder;
    }
}
