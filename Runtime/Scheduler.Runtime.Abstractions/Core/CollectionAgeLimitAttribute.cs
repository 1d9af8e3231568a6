namespace Scheduler.Runtime;

/// <summary>
/// Overrides, for one grain class, how long an activation may stay idle before the silo
/// deactivates it (the silo-wide default is <c>SiloOptions.IdleTimeout</c>).
/// </summary>
/// <param name="minutes">Idle time in minutes; at least 1.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    /// <summary>The idle time after which an activation is deactivated.</summary>
    public TimeSpan AgeLimit { get; } = TimeSpan.FromMinutes(minutes);
}
