namespace Scheduler.Runtime.Concurrency;

/// <summary>
/// Marks a grain interface method whose requests may start while other requests of the same
/// activation are in progress (for read-only queries or cancellation signals).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
