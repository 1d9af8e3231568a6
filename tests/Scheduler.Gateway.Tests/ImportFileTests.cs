using System.Security.Claims;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Web.Imports;

namespace Scheduler.Gateway.Tests;

/// <summary>The import file readers (CSV by CsvHelper, JSON) and the check of their rows by the batch route's validation.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ImportFileTests(GatewayFixture fixture)
{
    private const string Header = "externalId,candidateId,stageName,durationMinutes,interviewerIds,poolId,poolCount,windowStart,windowEnd,mode";

    [Fact]
    public void Csv_RowBecomesTheBatchItem_WithNestedFieldsListsAndNumbers()
    {
        var file = Read($"{Header}\nx-1,ada,loop,45,\" priya ; maya \",backend,2,2031-03-03T09:00:00Z,2031-03-06T17:00:00+01:00,autoBook\n");

        Assert.Null(file.FileError);
        var row = Assert.Single(file.Rows);
        Assert.Equal(1, row.Number);
        Assert.Equal(2, row.Line);
        Assert.Empty(row.FormatErrors);
        var item = row.Item;
        Assert.Equal("x-1", item.GetProperty("externalId").GetString());
        Assert.Equal("ada", item.GetProperty("candidateId").GetString());
        var stage = item.GetProperty("stages")[0];
        Assert.Equal("loop", stage.GetProperty("name").GetString());
        Assert.Equal(45, stage.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(["priya", "maya"], stage.GetProperty("interviewerIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("backend", stage.GetProperty("pools")[0].GetProperty("poolId").GetString());
        Assert.Equal(2, stage.GetProperty("pools")[0].GetProperty("count").GetInt32());
        Assert.Equal("2031-03-06T17:00:00+01:00", item.GetProperty("window").GetProperty("end").GetString());
        Assert.Equal("autoBook", item.GetProperty("mode").GetString());
    }

    [Fact]
    public void Csv_EmptyCellsAreLeftOut_ColumnsInAnyOrderAndCase_QuotedCommas()
    {
        var file = Read("WINDOWEND,windowstart,CandidateId,durationminutes,interviewerIds,externalId\n2031-03-06T00:00:00Z,2031-03-03T00:00:00Z,ada,30,priya,\"a,b\"\n2031-03-06T00:00:00Z,2031-03-03T00:00:00Z,grace,30,,\n");

        Assert.Null(file.FileError);
        Assert.Equal(2, file.Rows.Count);
        Assert.Equal("a,b", file.Rows[0].Item.GetProperty("externalId").GetString());
        Assert.False(file.Rows[1].Item.TryGetProperty("externalId", out _));
        Assert.False(file.Rows[1].Item.GetProperty("stages")[0].TryGetProperty("interviewerIds", out _));
        Assert.Equal(3, file.Rows[1].Line);
    }

    [Fact]
    public void Csv_UnreadableCells_AreReportedByColumnAndLeftOut()
    {
        var file = Read($"{Header}\nx-1,ada,s,forty,priya,,two,next tuesday,2031-03-06T00:00:00Z,propose\n");

        var row = Assert.Single(file.Rows);
        Assert.Equal(
            [("durationMinutes", "Not a whole number."), ("poolCount", "Not a whole number."), ("windowStart", "Not a date and time with offset (RFC 3339, e.g. 2026-03-02T09:00:00Z).")],
            row.FormatErrors.Select(e => (e.Field, e.Message)));
        Assert.All(row.FormatErrors, e => Assert.Equal((1, 2L), (e.Row, e.Line!.Value)));
        Assert.False(row.Item.GetProperty("stages")[0].TryGetProperty("durationMinutes", out _));
        Assert.False(row.Item.GetProperty("window").TryGetProperty("start", out _));
    }

    [Fact]
    public void Csv_RowWithTooFewFields_IsReported()
    {
        var file = Read($"{Header}\nx-1,ada\n");

        var error = Assert.Single(Assert.Single(file.Rows).FormatErrors);
        Assert.Equal("row", error.Field);
        Assert.Equal("The row has 2 fields; the header has 10.", error.Message);
    }

    [Theory]
    [InlineData("candidateId,durationMinutes,windowStart,windowEnd,colour\n", "Unknown column(s) 'colour'")]
    [InlineData("candidateId,durationMinutes,windowStart\n", "The header lacks the required column(s) windowEnd.")]
    [InlineData("candidateId,durationMinutes,windowStart,windowEnd,candidateid\n", "The column 'candidateId' appears twice in the header.")]
    [InlineData("candidateId,durationMinutes,windowStart,windowEnd\n", "The file has a header but no rows.")]
    public void Csv_BadHeaderOrNoRows_IsAFileError(string csv, string error)
    {
        var file = Read(csv);

        Assert.StartsWith(error, file.FileError, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Csv_MoreRowsThanABatchTakes_IsAFileError()
    {
        var text = new StringBuilder("candidateId,durationMinutes,windowStart,windowEnd\n");
        for (var i = 0; i <= ImportLimits.MaxRows; i++)
        {
            text.Append("ada,30,2031-03-03T00:00:00Z,2031-03-06T00:00:00Z\n");
        }

        var file = Read(text.ToString());

        Assert.Equal(ImportFileReader.TooManyRows, file.FileError);
        Assert.Contains("10,000", file.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void File_LargerThanTheServerTakes_IsRefusedBeforeReading()
    {
        var file = ImportFileReader.Read(new byte[ImportLimits.MaxBytes + 1], "huge.csv");

        Assert.Equal(ImportFileReader.TooLarge, file.FileError);
    }

    [Fact]
    public void Json_TheBatchBody_ItemsAsWritten_NotAnObjectIsAFileError()
    {
        var file = ImportFileReader.Read(Encoding.UTF8.GetBytes("""{"requests":[{"candidateId":"ada"},42]}"""), "batch.json");
        var bad = ImportFileReader.Read(Encoding.UTF8.GetBytes("""[{"candidateId":"ada"}]"""), "batch.json");
        var broken = ImportFileReader.Read(Encoding.UTF8.GetBytes("""{"requests":[{"candidateId":"""), "batch.txt");

        Assert.Equal([1, 2], file.Rows.Select(r => r.Number));
        Assert.Equal(JsonValueKind.Number, file.Rows[1].Item.ValueKind);
        Assert.Null(file.Rows[0].Line);
        Assert.StartsWith("A JSON file holds", bad.FileError, StringComparison.Ordinal);
        Assert.StartsWith("Not JSON", broken.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportId_NamesTheContent()
    {
        var a = Read($"{Header}\nx-1,ada,s,30,priya,,,2031-03-03T00:00:00Z,2031-03-06T00:00:00Z,\n");
        var same = Read($"{Header}\nx-1,ada,s,30,priya,,,2031-03-03T00:00:00Z,2031-03-06T00:00:00Z,\n");
        var other = Read($"{Header}\nx-2,ada,s,30,priya,,,2031-03-03T00:00:00Z,2031-03-06T00:00:00Z,\n");

        Assert.Equal(a.Id, same.Id);
        Assert.NotEqual(a.Id, other.Id);
        Assert.Matches("^import-[0-9a-f]{32}$", a.Id);
    }

    [Fact]
    public async Task Check_UsesTheBatchRoutesValidation_ErrorsPerRowUnderTheirColumns()
    {
        var tenant = $"imp-{Guid.NewGuid():N}"[..16];
        using var admin = fixture.Admin(tenant);
        await admin.PutParticipant("cand", kind: "candidate");
        await admin.PutParticipant("int1");
        var start = Api.Iso(Api.NextMonday(1));
        var end = Api.Iso(Api.NextMonday(1).AddDays(4));
        var file = Read(
            $"{Header}\n" +
            $"ok-1,cand,s,30,int1,,,{start},{end},\n" +
            $"bad-2,ghost,s,30,int1,,,{start},{end},\n" +
            $"bad-3,cand,s,999,int1;int1,,,{start},{end},\n" +
            $"bad-4,cand,s,abc,int1,,,{end},{start},\n" +
            $"bad-5,cand,s,30,int1,,,{start},{end},sometimes\n" +
            $"ok-1,cand,s,30,int1,,,{start},{end},\n");
        var importer = fixture.Factory.Services.GetRequiredService<BatchImporter>();

        var check = await importer.CheckAsync(Viewer(tenant, "ats"), file, CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal(5, check.InvalidRows);
        Assert.DoesNotContain(check.Errors, e => e.Row == 1);
        Assert.Contains(check.Errors, e => e is { Row: 2, Line: 3, Field: "candidateId", Message: "Unknown participant 'ghost'." });
        Assert.Contains(check.Errors, e => e is { Row: 3, Field: "durationMinutes", Message: "Must be between 1 and 480 minutes." });
        Assert.Contains(check.Errors, e => e is { Row: 3, Field: "interviewerIds", Message: "'int1' is listed twice." });
        // The unreadable duration is reported once, as unreadable; the window by the batch validation.
        Assert.Single(check.Errors, e => e is { Row: 4, Field: "durationMinutes" });
        Assert.Contains(check.Errors, e => e is { Row: 4, Field: "durationMinutes", Message: "Not a whole number." });
        Assert.Contains(check.Errors, e => e is { Row: 4, Field: "windowEnd", Message: "Must be after start." });
        Assert.Contains(check.Errors, e => e is { Row: 5, Field: "mode" } && e.Message.StartsWith("Not a value this column takes: propose", StringComparison.Ordinal));
        Assert.Contains(check.Errors, e => e is { Row: 6, Field: "externalId" } && e.Message.Contains("same external id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_AndStart_NeedTheBatchRoutesRole()
    {
        var importer = fixture.Factory.Services.GetRequiredService<BatchImporter>();
        var file = Read($"{Header}\nx-1,ada,s,30,priya,,,2031-03-03T00:00:00Z,2031-03-06T00:00:00Z,\n");

        var check = await importer.CheckAsync(Viewer("t-roles", "recruiter"), file, CancellationToken.None);
        var start = await importer.StartAsync(Viewer("t-roles", "recruiter"), check);

        Assert.Equal(BatchImporter.Refusal, Assert.Single(check.Errors).Message);
        Assert.Null(start.ImportId);
        Assert.Equal(BatchImporter.Refusal, start.Error);
    }

    private static ImportFile Read(string csv) => ImportFileReader.Read(Encoding.UTF8.GetBytes(csv), "requests.csv");

    private static ClaimsPrincipal Viewer(string tenant, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(SchedulerClaims.Tenant, tenant), .. roles.Select(r => new Claim(SchedulerClaims.Roles, r))], "test", "sub", SchedulerClaims.Roles));
}
