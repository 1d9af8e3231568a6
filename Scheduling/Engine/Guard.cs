namespace Scheduler.Scheduling.Engine;

/// <summary>Argument checks shared by the public entry points.</summary>
internal static class Guard
{
    public static void Duration(int minutes, string name)
    {
        if (minutes is < 1 or > 1440)
        {
            throw new ArgumentOutOfRangeException(name, minutes, "A duration must be between 1 and 1440 minutes.");
        }
    }

    public static void Granularity(int minutes, string name)
    {
        if (minutes is < 1 or > 1440 || 1440 % minutes != 0)
        {
            throw new ArgumentOutOfRangeException(name, minutes, "The granularity must be a whole number of minutes that divides 1440 (e.g. 5, 10, 15, 30, 60).");
        }
    }

    public static void NotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must not be negative.");
        }
    }
}
