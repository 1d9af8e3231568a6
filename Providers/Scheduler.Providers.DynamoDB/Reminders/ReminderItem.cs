namespace Scheduler.Providers.DynamoDB.Reminders;

/// <summary>
/// The official reminder table's layout: key <c>ReminderId</c> (S, <c>{serviceId}_{grainId}_{name}</c>)
/// + <c>GrainHash</c> (N, the grain's uniform hash), indexes <c>ServiceIdIndex</c> (ServiceId,
/// GrainHash) for ring ranges and <c>ServiceIdGrainReferenceIndex</c> (ServiceId, GrainReference)
/// for one grain's reminders.
/// </summary>
internal static class ReminderItem
{
    public const string ReminderId = "ReminderId";
    public const string GrainHash = "GrainHash";
    public const string ServiceId = "ServiceId";
    public const string GrainReference = "GrainReference";
    public const string ReminderName = "ReminderName";
    public const string StartTime = "StartTime";
    public const string Period = "Period";
    public const string ETag = "ETag";
    public const string HashIndex = "ServiceIdIndex";
    public const string GrainIndex = "ServiceIdGrainReferenceIndex";

    /// <summary>
    /// How <c>StartTime</c> is written: ISO 8601 in UTC without an offset, to the tick. The official
    /// provider reads it with <see cref="DateTime.Parse(string)"/>, which accepts this form in every culture.
    /// </summary>
    private const string StartTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    /// <summary>The table's keys and indexes.</summary>
    public static readonly DynamoDBTableSchema Schema = new(
        new DynamoDBKeyAttribute(ReminderId, ScalarAttributeType.S),
        new DynamoDBKeyAttribute(GrainHash, ScalarAttributeType.N),
        [
            new DynamoDBIndexSchema(HashIndex, new DynamoDBKeyAttribute(ServiceId, ScalarAttributeType.S), new DynamoDBKeyAttribute(GrainHash, ScalarAttributeType.N)),
            new DynamoDBIndexSchema(GrainIndex, new DynamoDBKeyAttribute(ServiceId, ScalarAttributeType.S), new DynamoDBKeyAttribute(GrainReference, ScalarAttributeType.S)),
        ]);

    /// <summary>A reminder's primary key.</summary>
    /// <param name="serviceId">The service.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <returns>The key.</returns>
    public static Dictionary<string, AttributeValue> Key(string serviceId, GrainId grainId, string reminderName) => new()
    {
        [ReminderId] = DynamoDBRequests.S($"{serviceId}_{grainId}_{reminderName}"),
        [GrainHash] = DynamoDBRequests.N(grainId.GetUniformHashCode()),
    };

    /// <summary>The whole item of a reminder.</summary>
    /// <param name="serviceId">The service.</param>
    /// <param name="entry">The reminder.</param>
    /// <param name="eTag">The ETag to store.</param>
    /// <returns>The item.</returns>
    public static Dictionary<string, AttributeValue> From(string serviceId, ReminderEntry entry, string eTag)
    {
        var item = Key(serviceId, entry.GrainId, entry.ReminderName);
        item[ServiceId] = DynamoDBRequests.S(serviceId);
        item[GrainReference] = DynamoDBRequests.S(entry.GrainId.ToString());
        item[ReminderName] = DynamoDBRequests.S(entry.ReminderName);
        item[StartTime] = DynamoDBRequests.S(entry.StartAt.ToUniversalTime().ToString(StartTimeFormat, CultureInfo.InvariantCulture));
        item[Period] = DynamoDBRequests.S(entry.Period.ToString("c", CultureInfo.InvariantCulture));
        item[ETag] = new AttributeValue { N = eTag };
        return item;
    }

    /// <summary>Reads an item back (also items the official provider wrote, whose times are in the en-US/invariant form).</summary>
    /// <param name="item">The item.</param>
    /// <returns>The reminder, its <see cref="ReminderEntry.StartAt"/> in UTC.</returns>
    public static ReminderEntry Parse(Dictionary<string, AttributeValue> item) => new()
    {
        GrainId = GrainId.Parse(item[GrainReference].S),
        ReminderName = item[ReminderName].S,
        StartAt = DateTime.Parse(item[StartTime].S, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        Period = TimeSpan.Parse(item[Period].S, CultureInfo.InvariantCulture),
        ETag = item[ETag].N,
    };
}
