using Scheduler.Gateway.Common;

namespace Scheduler.Gateway.Tests;

/// <summary>RFC 3339 date-times as the API reads and writes them.</summary>
public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-03-10T09:00:00Z", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10T10:00:00+01:00", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10t04:30:00-04:30", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10T09:00:00z", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10T10:00:00 01:00", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10T09:00:00.123456789Z", "2025-03-10T09:00:00.1234567Z")]
    [InlineData("2025-03-10T09:00:00.5+00:00", "2025-03-10T09:00:00.5Z")]
    public void TryParse_ValidDateTime_InstantInUtc(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(expected, Rfc3339.Format(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-03-10T09:00:00")]
    [InlineData("2025-03-10")]
    [InlineData("2025-03-10T09:00Z")]
    [InlineData("2025-03-10 09:00:00Z")]
    [InlineData("2025-02-30T09:00:00Z")]
    [InlineData("2025-03-10T09:00:00+15:00")]
    [InlineData("2025-03-10T09:00:00+0100")]
    [InlineData("10/03/2025 09:00")]
    public void TryParse_NotRfc3339_False(string? text) => Assert.False(Rfc3339.TryParse(text, out _));
}
