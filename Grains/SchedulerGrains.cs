using System.Reflection;

namespace Scheduler.Grains;

/// <summary>Identifies the assembly with the product's grain classes: <c>silo.AddGrains(SchedulerGrains.Assembly)</c>.</summary>
public static class SchedulerGrains
{
    /// <summary>The assembly holding the grain classes.</summary>
    public static Assembly Assembly => typeof(SchedulerGrains).Assembly;
}
