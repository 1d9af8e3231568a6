namespace Scheduler.Grains.Notifications;

/// <summary>What to do with one reminder of an interview.</summary>
public enum ReminderDecision
{
    /// <summary>Its time is still ahead: register a durable one-shot reminder for <see cref="PlannedReminder.DueAt"/>.</summary>
    Register,

    /// <summary>Its time has passed but the interview has not started: send it now.</summary>
    SendNow,

    /// <summary>The interview has started (or is over): do not send; record it as skipped.</summary>
    Skip,
}
