using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Tests.Common.Retries;

/// <summary>The shared backoff: doubling from the base delay, capped, spread by the jitter; give-up after the attempts or at a permanent failure.</summary>
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy FiveSecondsToTenMinutes = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), maxAttempts: 8);

    [Fact]
    public void DelayAfter_EachAttempt_DoublesFromTheBaseUntilTheCap()
    {
        var seconds = Enumerable.Range(1, 10).Select(n => FiveSecondsToTenMinutes.DelayAfter(n, 0.5).TotalSeconds);

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 600, 600, 600], seconds);
    }

    [Fact]
    public void DelayAfter_HugeAttemptCount_StaysAtTheCap()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), FiveSecondsToTenMinutes.DelayAfter(int.MaxValue, 0.5));
    }

    [Theory]
    [InlineData(0.0, 24)]
    [InlineData(0.5, 30)]
    [InlineData(1.0, 36)]
    public void DelayAfter_Jitter_SpreadsTheDelayByTheDraw(double draw, int expectedSeconds)
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), maxAttempts: 20, jitter: 0.2);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.DelayAfter(1, draw));
    }

    [Fact]
    public void DelayAfter_JitterAtTheCap_SpreadsAroundTheCap()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), maxAttempts: 20, jitter: 0.2);

        Assert.Equal(TimeSpan.FromMinutes(72), policy.DelayAfter(19, 1.0));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.1)]
    public void DelayAfter_ArgumentOutOfRange_Throws(int attempts, double draw)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FiveSecondsToTenMinutes.DelayAfter(attempts, draw));
    }

    [Fact]
    public void GivesUp_TransientFailures_OnlyAtTheLastAttempt()
    {
        Assert.False(FiveSecondsToTenMinutes.GivesUp(1, permanent: false));
        Assert.False(FiveSecondsToTenMinutes.GivesUp(7, permanent: false));
        Assert.True(FiveSecondsToTenMinutes.GivesUp(8, permanent: false));
    }

    [Fact]
    public void GivesUp_PermanentFailure_AtOnce()
    {
        Assert.True(FiveSecondsToTenMinutes.GivesUp(1, permanent: true));
    }

    [Fact]
    public void GivesUp_Unlimited_NeverForTransientFailures()
    {
        var policy = new RetryPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), RetryPolicy.Unlimited);

        Assert.False(policy.GivesUp(int.MaxValue - 1, permanent: false));
        Assert.True(policy.GivesUp(3, permanent: true));
    }

    [Theory]
    [InlineData(0, 60, 1, 0.0)]
    [InlineData(10, 5, 1, 0.0)]
    [InlineData(1, 60, 0, 0.0)]
    [InlineData(1, 60, 1, -0.1)]
    [InlineData(1, 60, 1, 1.0)]
    public void Constructor_ValueOutOfRange_Throws(int baseSeconds, int maxSeconds, int maxAttempts, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(TimeSpan.FromSeconds(baseSeconds), TimeSpan.FromSeconds(maxSeconds), maxAttempts, jitter));
    }
}
