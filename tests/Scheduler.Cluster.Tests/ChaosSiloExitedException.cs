namespace Scheduler.Cluster.Tests;

/// <summary>A chaos silo process exited before its <c>/health/ready</c> answered.</summary>
/// <param name="message">What happened.</param>
public sealed class ChaosSiloExitedException(string message) : Exception(message);
