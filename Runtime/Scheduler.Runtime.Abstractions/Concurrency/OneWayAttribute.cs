namespace Scheduler.Runtime.Concurrency;

/// <summary>
/// Marks a grain interface method as one-way: the caller's task completes as soon as the
/// message is accepted for delivery, without waiting for the callee, and the callee's
/// exceptions are logged instead of returned. Used for notifications that must not create
/// call cycles (a participant notifying a request).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
