using System.Globalization;
using System.Text.Json;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Tests.Reminders;

/// <summary>The reminder change notice as it crosses the silo transport: a one-way envelope to <c>sys-reminder-bucket/{bucket}</c> that never gets forwarded, and typed errors for malformed ones.</summary>
public sealed class ReminderChangeNoticeFormatTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Deadline = new(2026, 3, 7, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Create_AddressesTheBucketOneWay_AndReadsBackThroughJson()
    {
        var grainId = new GrainId("request", "acme/req-42");
        var notice = ReminderChangeNotice.Create(grainId, "batch-plan", Deadline, Options);

        Assert.Equal("sys-reminder-bucket", notice.Target.Type);
        Assert.Equal(ReminderPartition.BucketOf(grainId).ToString(CultureInfo.InvariantCulture), notice.Target.Key);
        Assert.True(notice.OneWay);
        Assert.Equal(1, notice.ForwardCount);
        Assert.Equal(Deadline, notice.Deadline);
        Assert.True(ReminderChangeNotice.Is(notice));

        var wire = JsonSerializer.Deserialize<GrainCallEnvelope>(JsonSerializer.Serialize(notice, Options), Options)!;
        Assert.True(ReminderChangeNotice.Is(wire));
        Assert.Equal((grainId, "batch-plan"), ReminderChangeNotice.Read(wire, Options));
    }

    [Fact]
    public void Is_IsFalseForAGrainCall()
    {
        var call = new GrainCallEnvelope("c1", new GrainId("reminder", "x"), "I", "M", [], false, Deadline, 0);
        Assert.False(ReminderChangeNotice.Is(call));
    }

    [Fact]
    public void Read_AddressedToAnotherBucket_ThrowsFormatException()
    {
        var grainId = new GrainId("request", "acme/req-42");
        var notice = ReminderChangeNotice.Create(grainId, "batch-plan", Deadline, Options);
        var otherBucket = (ReminderPartition.BucketOf(grainId) + 1) % ReminderPartition.BucketCount;
        var misaddressed = notice with { Target = new GrainId(ReminderChangeNotice.GrainType, otherBucket.ToString(CultureInfo.InvariantCulture)) };

        Assert.Throws<FormatException>(() => ReminderChangeNotice.Read(misaddressed, Options));
    }

    [Fact]
    public void Read_WrongMethodOrArguments_ThrowsFormatException()
    {
        var notice = ReminderChangeNotice.Create(new GrainId("request", "acme/req-42"), "batch-plan", Deadline, Options);

        Assert.Throws<FormatException>(() => ReminderChangeNotice.Read(notice with { Method = "Removed" }, Options));
        Assert.Throws<FormatException>(() => ReminderChangeNotice.Read(notice with { Arguments = [notice.Arguments[0]] }, Options));
        Assert.Throws<FormatException>(() => ReminderChangeNotice.Read(notice with { Arguments = [notice.Arguments[0], JsonSerializer.SerializeToElement(string.Empty, Options)] }, Options));
    }

    [Fact]
    public void Read_ArgumentNotAGrainId_ThrowsJsonException()
    {
        var notice = ReminderChangeNotice.Create(new GrainId("request", "acme/req-42"), "batch-plan", Deadline, Options);
        var broken = notice with { Arguments = [JsonSerializer.SerializeToElement(42, Options), notice.Arguments[1]] };

        Assert.ThrowsAny<JsonException>(() => ReminderChangeNotice.Read(broken, Options));
    }
}
