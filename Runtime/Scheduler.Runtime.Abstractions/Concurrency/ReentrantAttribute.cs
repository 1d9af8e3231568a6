namespace Scheduler.Runtime.Concurrency;

/// <summary>
/// Lets requests to an activation of this grain class interleave at <c>await</c> points.
/// Grain code still never runs on two threads at once; only the one-request-at-a-time rule is lifted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
