using System.Globalization;
using System.Text.Json;
using Scheduler.Runtime.Messaging;

namespace Scheduler.Runtime.Reminders;

/// <summary>
/// The one-way message a silo sends to the silo that serves a reminder's bucket after it wrote
/// (registered, updated or removed) that reminder's row, so the bucket's owner re-reads that one row
/// at once instead of at its next periodic read of its ranges. It travels as a
/// <see cref="GrainCallEnvelope"/> over the silo-to-silo call endpoint, addressed to the system
/// target <c>sys-reminder-bucket/{bucket}</c> (bucket 0 to <see cref="ReminderPartition.BucketCount"/> − 1),
/// method <c>Changed(GrainId grain, string reminderName)</c>, one-way, already counted as forwarded
/// (<see cref="GrainCallEnvelope.ForwardCount"/> 1): the receiver handles it itself and never forwards
/// it; a receiver that does not own the bucket in its view ignores it (the owner's reads find the row).
/// </summary>
internal static class ReminderChangeNotice
{
    /// <summary>The grain type of the system target; no grain class has it (a grain type cannot contain '/', and user types carry no <c>sys-</c> prefix by convention).</summary>
    public const string GrainType = "sys-reminder-bucket";

    /// <summary>The envelope's interface name.</summary>
    public const string Interface = "Scheduler.Runtime.Reminders.ReminderChangeNotice";

    /// <summary>The envelope's method name.</summary>
    public const string Method = "Changed";

    /// <summary>Whether <paramref name="envelope"/> is a reminder change notice rather than a grain call.</summary>
    /// <param name="envelope">An envelope that arrived from another silo.</param>
    /// <returns><see langword="true"/> when its target's grain type is <see cref="GrainType"/>.</returns>
    public static bool Is(GrainCallEnvelope envelope) => string.Equals(envelope.Target.Type, GrainType, StringComparison.Ordinal);

    /// <summary>Builds the notice for one reminder row.</summary>
    /// <param name="grainId">The grain whose reminder changed.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="deadline">When the notice is no longer worth handling (UTC).</param>
    /// <param name="options">The JSON options of grain call arguments.</param>
    /// <returns>A one-way envelope to <c>sys-reminder-bucket/{bucket of grainId}</c>.</returns>
    public static GrainCallEnvelope Create(GrainId grainId, string reminderName, DateTimeOffset deadline, JsonSerializerOptions options) =>
        new(
            Guid.NewGuid().ToString("N"),
            new GrainId(GrainType, ReminderPartition.BucketOf(grainId).ToString(CultureInfo.InvariantCulture)),
            Interface,
            Method,
            [JsonSerializer.SerializeToElement(grainId, options), JsonSerializer.SerializeToElement(reminderName, options)],
            OneWay: true,
            deadline,
            ForwardCount: 1);

    /// <summary>Reads the reminder a notice names.</summary>
    /// <param name="envelope">A notice (<see cref="Is"/>).</param>
    /// <param name="options">The JSON options of grain call arguments.</param>
    /// <returns>The grain and the reminder's name.</returns>
    /// <exception cref="FormatException">The method, the arguments, or the bucket of the target do not match a notice for that reminder.</exception>
    /// <exception cref="JsonException">An argument is not a grain id or a string.</exception>
    public static (GrainId GrainId, string ReminderName) Read(GrainCallEnvelope envelope, JsonSerializerOptions options)
    {
        if (!string.Equals(envelope.Method, Method, StringComparison.Ordinal) || envelope.Arguments.Count != 2)
        {
            throw new FormatException($"A reminder change notice is {Method}(grain, reminderName); got {envelope.Method} with {envelope.Arguments.Count} arguments.");
        }

        var grainId = envelope.Arguments[0].Deserialize<GrainId>(options);
        var reminderName = envelope.Arguments[1].Deserialize<string>(options);
        if (string.IsNullOrEmpty(reminderName) || string.IsNullOrEmpty(grainId.Type))
        {
            throw new FormatException("A reminder change notice needs a grain id and a non-empty reminder name.");
        }

        if (envelope.Target.Key != ReminderPartition.BucketOf(grainId).ToString(CultureInfo.InvariantCulture))
        {
            throw new FormatException($"Reminder change notice for {grainId} is addressed to bucket {envelope.Target.Key}, not its bucket {ReminderPartition.BucketOf(grainId)}.");
        }

        return (grainId, reminderName);
    }
}
