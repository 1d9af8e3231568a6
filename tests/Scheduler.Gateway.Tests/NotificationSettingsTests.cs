namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class NotificationSettingsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Settings_NeverStored_DefaultsWithHostDelay()
    {
        using var client = gateway.Admin("settings-defaults");

        var settings = await client.GetJson("/v1/settings/notifications");

        Assert.True((bool)settings["feedbackReminder"]!);
        Assert.Null(settings["followUpDelayMinutes"]);
        Assert.Equal(60, (int)settings["effectiveFollowUpDelayMinutes"]!);
        Assert.False((bool)settings["candidateThankYou"]!);
        Assert.Null(settings["updatedAt"]);
    }

    [Fact]
    public async Task Settings_PutThenGet_StoredPerTenant()
    {
        using var client = gateway.Admin("settings-put");
        using var other = gateway.Admin("settings-other");

        using var put = await client.PutAsJsonAsync("/v1/settings/notifications", new { feedbackReminder = false, followUpDelayMinutes = 30, candidateThankYou = true, thankYouNextSteps = "We reply within a week." });
        var settings = await client.GetJson("/v1/settings/notifications");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((bool)settings["feedbackReminder"]!);
        Assert.Equal(30, (int)settings["followUpDelayMinutes"]!);
        Assert.Equal(30, (int)settings["effectiveFollowUpDelayMinutes"]!);
        Assert.True((bool)settings["candidateThankYou"]!);
        Assert.Equal("We reply within a week.", (string?)settings["thankYouNextSteps"]);
        Assert.NotNull((string?)settings["updatedAt"]);
        Assert.False((bool)(await other.GetJson("/v1/settings/notifications"))["candidateThankYou"]!);
    }

    [Fact]
    public async Task Settings_OutOfRange_ProblemPerFieldAndNothingChanged()
    {
        using var client = gateway.Admin("settings-invalid");

        using var response = await client.PutAsJsonAsync("/v1/settings/notifications", new { followUpDelayMinutes = -1, candidateThankYou = true, thankYouNextSteps = new string('x', 2001) });

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "followUpDelayMinutes");
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "thankYouNextSteps");
        Assert.False((bool)(await client.GetJson("/v1/settings/notifications"))["candidateThankYou"]!);
    }

    [Fact]
    public async Task Settings_RecruiterRole_Forbidden()
    {
        using var client = gateway.Client("settings-recruiter", "recruiter", "ats");

        using var get = await client.GetAsync("/v1/settings/notifications");
        using var put = await client.PutAsJsonAsync("/v1/settings/notifications", new { candidateThankYou = true });

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }
}
