using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// Reads what the cluster stored in DynamoDB directly with the AWS SDK (strongly consistent scans of the official
/// Orleans tables, docs/DYNAMODB-SCHEMAS.md), bypassing every activation: participants' holds and bookings,
/// requests' states (deserialized as the silos serialize them), reminder rows.
/// </summary>
/// <param name="client">A DynamoDB client on dynalite.</param>
/// <param name="serviceId">The cluster's service id.</param>
public sealed class ClusterStore(IAmazonDynamoDB client, string serviceId)
{
    /// <summary>The silos' grain storage serializer (Orleans' binary serializer over the grain assemblies' types).</summary>
    private static readonly IGrainStorageSerializer Serializer = new OrleansGrainStorageSerializer(
        new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(RequestState).Assembly).AddAssembly(typeof(TimeRange).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>());

    /// <summary>Every stored participant state, by grain key (<c>{tenant}/{id}</c>).</summary>
    public async Task<IReadOnlyDictionary<string, ParticipantState>> ParticipantsAsync() =>
        await ReadStatesAsync<ParticipantState>("participant", "participant");

    /// <summary>Every stored request state, by grain key (<c>{tenant}/{id}</c>).</summary>
    public async Task<IReadOnlyDictionary<string, RequestState>> RequestsAsync() =>
        await ReadStatesAsync<RequestState>("interviewrequest", "request");

    /// <summary>Every reminder row of the service.</summary>
    public async Task<IReadOnlyList<StoredReminder>> RemindersAsync()
    {
        var items = await ScanAsync("OrleansReminders", "ServiceId = :service", new() { [":service"] = new() { S = serviceId } });
        return [.. items.Select(item => new StoredReminder(
            GrainId.Parse(item["GrainReference"].S),
            item["ReminderName"].S,
            DateTime.SpecifyKind(DateTime.ParseExact(item["StartTime"].S, "yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), DateTimeKind.Utc),
            TimeSpan.Parse(item["Period"].S, CultureInfo.InvariantCulture)))];
    }

    private async Task<Dictionary<string, T>> ReadStatesAsync<T>(string grainType, string stateName)
    {
        var prefix = $"{serviceId}_{grainType}/";
        var items = await ScanAsync("OrleansGrainState", "begins_with(GrainReference, :prefix) AND GrainType = :state", new()
        {
            [":prefix"] = new() { S = prefix },
            [":state"] = new() { S = stateName },
        });
        return items
            .Where(item => item.TryGetValue("GrainState", out var state) && state.B is not null)
            .ToDictionary(item => item["GrainReference"].S[prefix.Length..], item => Serializer.Deserialize<T>(new BinaryData(item["GrainState"].B.ToArray()))!, StringComparer.Ordinal);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string table, string filter, Dictionary<string, AttributeValue> values)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest
            {
                TableName = table,
                ConsistentRead = true,
                FilterExpression = filter,
                ExpressionAttributeValues = values,
                ExclusiveStartKey = start,
            });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return items;
    }
}

/// <summary>A reminder row: Orleans keeps the first due time and the period; ticks fall on <c>StartTime + k × Period</c>.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="ReminderName">The reminder's name.</param>
/// <param name="StartTime">The first due time (UTC).</param>
/// <param name="Period">The period.</param>
public sealed record StoredReminder(GrainId GrainId, string ReminderName, DateTime StartTime, TimeSpan Period)
{
    /// <summary>The first tick at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextDueAt(DateTimeOffset instant)
    {
        var start = new DateTimeOffset(StartTime, TimeSpan.Zero);
        if (instant <= start || Period <= TimeSpan.Zero)
        {
            return start;
        }

        var periods = (long)Math.Ceiling((instant - start) / Period);
        return start + (Period * periods);
    }
}
