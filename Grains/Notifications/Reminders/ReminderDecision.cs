namespace Scheduler.Grains.Notifications.Reminders;

/// <summary>What to do with one reminder of an interview.</summary>
public enum ReminderDecision
{
    /// <summary>Its time is still ahead: register a durable one-shot reminder for <see cref="PlannedReminder.DueAt"/>.</summary>
    Register,

    /// <summary>Its time has passed but the interview has not started, and no later reminder is also late: send it now.</summary>
    SendNow,

    /// <summary>The interview has started, or a reminder closer to the start is also late: do not send; record it as skipped.</summary>
    Skip,
}
