namespace Scheduler.Runtime;

/// <summary>A registered reminder of a grain.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique within its grain.</summary>
    string ReminderName { get; }

    /// <summary>When the next tick is due (UTC).</summary>
    DateTimeOffset NextDue { get; }

    /// <summary>Time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</summary>
    TimeSpan Period { get; }
}
