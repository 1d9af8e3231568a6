using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Requests;
using Scheduler.Runtime;
using Scheduler.Runtime.DynamoDB;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// Reads what the cluster stored in DynamoDB directly with the AWS SDK (strongly consistent scans),
/// bypassing every activation: participants' holds and bookings, requests' states, reminder rows.
/// </summary>
/// <param name="client">A DynamoDB client on dynalite.</param>
/// <param name="serviceId">The cluster's service id.</param>
/// <param name="serializer">The silos' grain state serializer.</param>
public sealed class ClusterStore(IAmazonDynamoDB client, string serviceId, GrainStateSerializer serializer)
{
    private readonly DynamoDbReminderTable _reminders = new(client, DynamoDbTestCluster.TablePrefix + "reminders", serviceId);

    /// <summary>Every stored participant state, by grain key (<c>{tenant}/{id}</c>).</summary>
    public async Task<IReadOnlyDictionary<string, ParticipantState>> ParticipantsAsync() =>
        await ReadStatesAsync<ParticipantState>("participant", "participant");

    /// <summary>Every stored request state, by grain key (<c>{tenant}/{id}</c>).</summary>
    public async Task<IReadOnlyDictionary<string, RequestState>> RequestsAsync() =>
        await ReadStatesAsync<RequestState>("interviewrequest", "request");

    /// <summary>Every reminder row of the service (the whole hash ring).</summary>
    public Task<IReadOnlyList<ReminderEntry>> RemindersAsync() => _reminders.ReadRangeAsync(0, 0, CancellationToken.None);

    private async Task<Dictionary<string, T>> ReadStatesAsync<T>(string grainType, string stateName)
    {
        var prefix = $"{serviceId}/{grainType}/";
        var states = new Dictionary<string, T>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest
            {
                TableName = DynamoDbTestCluster.TablePrefix + "grain-state",
                ConsistentRead = true,
                FilterExpression = "begins_with(pk, :prefix) AND sk = :sk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":prefix"] = new() { S = prefix },
                    [":sk"] = new() { S = stateName },
                },
                ExclusiveStartKey = start,
            });
            foreach (var item in page.Items ?? [])
            {
                states[item["pk"].S[prefix.Length..]] = serializer.Deserialize<T>(item["payload"].B.ToArray());
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return states;
    }

    /// <summary>The grain id of a request grain key.</summary>
    public static GrainId RequestGrain(string key) => new("interviewrequest", key);
}
