namespace Scheduler.Providers.Sqlite;

/// <summary>
/// Checks the options of a SQLite adapter when the silo starts (Orleans runs every registered
/// <see cref="IConfigurationValidator"/> before the lifecycle begins).
/// </summary>
/// <typeparam name="TOptions">The adapter's options type.</typeparam>
/// <param name="options">The options to check.</param>
/// <param name="name">The provider name, used in messages.</param>
public sealed class SqliteOptionsValidator<TOptions>(TOptions options, string name) : IConfigurationValidator
    where TOptions : SqliteProviderOptions
{
    /// <inheritdoc />
    /// <exception cref="OrleansConfigurationException">
    /// <see cref="SqliteProviderOptions.DatabasePath"/> is empty or not a valid path,
    /// <see cref="SqliteProviderOptions.BusyTimeout"/> is not positive, or the grain storage has no serializer.
    /// </exception>
    public void ValidateConfiguration()
    {
        var prefix = $"{typeof(TOptions).Name} of provider '{name}'";
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new OrleansConfigurationException($"{prefix}: {nameof(SqliteProviderOptions.DatabasePath)} is required.");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Directory.Exists(options.DatabasePath))
        {
            throw new OrleansConfigurationException(
                $"{prefix}: {nameof(SqliteProviderOptions.DatabasePath)} '{options.DatabasePath}' is not a usable file path.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{prefix}: {nameof(SqliteProviderOptions.BusyTimeout)} must be positive.");
        }

        if (options is SqliteGrainStorageOptions { GrainStorageSerializer: null })
        {
            throw new OrleansConfigurationException($"{prefix}: no {nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} is set or registered.");
        }
    }
}
