namespace Scheduler.Runtime;

/// <summary>
/// Names the grain type of a grain class (the type part of its <see cref="GrainId"/> and of its
/// storage keys). Without it, the name is the class name without a trailing <c>Grain</c>,
/// lower-cased: <c>ParticipantGrain</c> → <c>participant</c>.
/// </summary>
/// <param name="name">The grain type name: non-empty, without <c>/</c>; never change it once data exists.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
