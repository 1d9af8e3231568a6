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
    [InlineData("0002-01-01T14:00:00+14:00", "0002-01-01T00:00:00Z")]
    [InlineData("9998-12-31T23:59:59.9999999Z", "9998-12-31T23:59:59.9999999Z")]
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
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("0001-12-31T23:59:59Z")]
    [InlineData("9999-01-01T00:00:00Z")]
    public void TryParse_NotRfc3339_False(string? text) => Assert.False(Rfc3339.TryParse(text, out _));
}
