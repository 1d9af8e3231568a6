namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class MicrosoftNotificationsTests
{
    private const string Routing = "aG9zdGlsZS9taWNyb3NvZnQvYQ";

    [Fact]
    public void Read_WellFormedItem_OneNotificationForTheAccount()
    {
        var (accountKey, notification) = Assert.Single(MicrosoftNotifications.Read("ch-1", Routing, """{"value":[{"subscriptionId":"s","clientState":"c"}]}"""));

        Assert.Equal("hostile/microsoft/a", accountKey);
        Assert.Equal("s", notification.ResourceId);
    }

    [Theory]
    [InlineData("""{"value":[],"value":[{"subscriptionId":"s","clientState":"c"}]}""")]
    [InlineData("""{"value":[{"subscriptionId":"s","subscriptionId":"t","clientState":"c"}]}""")]
    [InlineData("""{"value":[{"subscriptionId":"s","clientState":"\ud800"}]}""")]
    [InlineData("""{"value":[{"subscriptionId":"\udc00","clientState":"c"}]}""")]
    public void Read_RepeatedNamesOrLoneSurrogates_NoNotification(string body) =>
        Assert.Empty(MicrosoftNotifications.Read("ch-1", Routing, body));
}
