namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SchedulingSettingsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Settings_NeverStored_LearningOnWithDefaultHalfLife()
    {
        using var client = gateway.Admin("scheduling-defaults");

        var settings = await client.GetJson("/v1/settings/scheduling");

        Assert.True((bool)settings["preferenceLearning"]!);
        Assert.Equal(90, (int)settings["learningHalfLifeDays"]!);
        Assert.Null(settings["updatedAt"]);
        Assert.Equal((false, 24, 2), ((bool)settings["candidateRescheduling"]!, (int)settings["candidateRescheduleCutoffHours"]!, (int)settings["maxCandidateReschedules"]!));
    }

    [Fact]
    public async Task Settings_PutThenGet_StoredPerTenant()
    {
        using var client = gateway.Admin("scheduling-put");
        using var other = gateway.Admin("scheduling-other");

        using var put = await client.PutAsJsonAsync("/v1/settings/scheduling", new { preferenceLearning = false, learningHalfLifeDays = 30, candidateRescheduling = true, candidateRescheduleCutoffHours = 48 });
        var settings = await client.GetJson("/v1/settings/scheduling");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((bool)settings["preferenceLearning"]!);
        Assert.Equal(30, (int)settings["learningHalfLifeDays"]!);
        Assert.NotNull((string?)settings["updatedAt"]);
        Assert.Equal((true, 48, 2), ((bool)settings["candidateRescheduling"]!, (int)settings["candidateRescheduleCutoffHours"]!, (int)settings["maxCandidateReschedules"]!));
        Assert.True((bool)(await other.GetJson("/v1/settings/scheduling"))["preferenceLearning"]!);
    }

    [Theory]
    [InlineData("{\"preferenceLearning\":false,\"learningHalfLifeDays\":6}", "learningHalfLifeDays")]
    [InlineData("{\"preferenceLearning\":false,\"learningHalfLifeDays\":731}", "learningHalfLifeDays")]
    [InlineData("{\"preferenceLearning\":\"off\"}", "preferenceLearning")]
    [InlineData("{\"candidateRescheduling\":true,\"candidateRescheduleCutoffHours\":-1}", "candidateRescheduleCutoffHours")]
    [InlineData("{\"candidateRescheduling\":true,\"maxCandidateReschedules\":11}", "maxCandidateReschedules")]
    public async Task Settings_Invalid_ProblemNamesTheFieldAndNothingChanged(string body, string field)
    {
        using var client = gateway.Admin("scheduling-invalid");

        using var response = await client.PutAsync("/v1/settings/scheduling", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, field);
        var settings = await client.GetJson("/v1/settings/scheduling");
        Assert.True((bool)settings["preferenceLearning"]!);
        Assert.Null(settings["updatedAt"]);
    }

    [Fact]
    public async Task Settings_RecruiterRole_Forbidden()
    {
        using var client = gateway.Client("scheduling-recruiter", "recruiter", "ats");

        using var get = await client.GetAsync("/v1/settings/scheduling");
        using var put = await client.PutAsJsonAsync("/v1/settings/scheduling", new { preferenceLearning = false });

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }
}
