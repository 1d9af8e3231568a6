namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>Polls an asynchronous condition in real time.</summary>
internal static class WaitUntil
{
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds} s.");
            }

            await Task.Delay(5);
        }

        return TimeProvider.System.GetElapsedTime(started);
    }
}
