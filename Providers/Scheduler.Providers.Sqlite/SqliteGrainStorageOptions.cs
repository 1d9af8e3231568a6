namespace Scheduler.Providers.Sqlite;

/// <summary>Options of <see cref="SqliteGrainStorage"/>, one instance per named provider.</summary>
public sealed class SqliteGrainStorageOptions : SqliteProviderOptions, IStorageProviderSerializerOptions
{
    /// <summary>
    /// Whether <c>ClearStateAsync</c> deletes the row. Default <see langword="false"/>, as in
    /// Orleans' own providers: the row is kept with no payload and its ETag still advances, so a
    /// writer holding an ETag from before the clear is refused even after the state is written
    /// again. With <see langword="true"/> the row is deleted and the ETag sequence restarts.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>
    /// The silo lifecycle stage at which the file and its table are created.
    /// Default <see cref="ServiceLifecycleStage.ApplicationServices"/>, as in Orleans' own providers.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// The serializer of the grain state payload. When left <see langword="null"/> it is filled
    /// from DI (the serializer keyed by the provider name, else the default <see cref="IGrainStorageSerializer"/>).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
