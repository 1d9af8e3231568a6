using Scheduler.Grains.Calendars.Network;

namespace Scheduler.Gateway.Participants;

/// <summary>
/// Creates or replaces a participant's profile: the one path of <c>PUT /v1/participants/{id}</c> and the web app's profile
/// form. The body is checked by <see cref="ParticipantValidator"/> (fields, then the calendar hosts), then stored by
/// <see cref="IParticipantGrain.UpsertProfile"/>; nothing is stored when anything is invalid.
/// </summary>
public static class ParticipantWriter
{
    /// <summary>Checks and stores a profile.</summary>
    /// <param name="grains">The caller's tenant.</param>
    /// <param name="id">The participant id (checked by <see cref="FieldRules.IsValidId"/>, error on <c>id</c>).</param>
    /// <param name="body">The whole profile.</param>
    /// <param name="hosts">The outbound policy of calendar fetches.</param>
    /// <param name="cancellationToken">Stops waiting for the grain.</param>
    /// <returns>The errors keyed by field path (empty when stored), the stored profile (secrets removed), and whether it was created.</returns>
    public static async Task<ParticipantWrite> SaveAsync(TenantGrains grains, string id, ParticipantBody body, ICalendarHostCheck hosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        if (!FieldRules.IsValidId(id))
        {
            errors.Add("id", "1–128 letters, digits or . _ - : @, starting with a letter or digit.");
            return new ParticipantWrite(errors, null, false);
        }

        errors = ParticipantValidator.Validate(body);
        if (errors.IsEmpty)
        {
            await ParticipantValidator.CheckCalendarHostsAsync(errors, body, hosts, cancellationToken);
        }

        if (!errors.IsEmpty)
        {
            return new ParticipantWrite(errors, null, false);
        }

        var grain = grains.Participant(id);
        var existed = await grain.GetProfile().WaitAsync(cancellationToken) is not null;
        try
        {
            var stored = await grain.UpsertProfile(ParticipantValidator.ToProfile(body)).WaitAsync(cancellationToken);
            return new ParticipantWrite(errors, stored, !existed);
        }
        catch (ArgumentException ex)
        {
            errors.Add(ex.ParamName ?? "body", FirstLine(ex.Message));
            return new ParticipantWrite(errors, null, false);
        }
    }

    /// <summary>An exception's message without the parameter note .NET appends.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message up to <c> (Parameter</c>.</returns>
    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
