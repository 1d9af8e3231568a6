namespace Scheduler.Gateway.Participants;

/// <summary>What became of <see cref="ParticipantWriter.SaveAsync"/>.</summary>
/// <param name="Errors">The field errors (field path to messages); empty when stored.</param>
/// <param name="Stored">The stored profile (secrets removed); <see langword="null"/> when not stored.</param>
/// <param name="Created">Whether the participant did not exist before.</param>
public sealed record ParticipantWrite(ValidationErrors Errors, ParticipantProfile? Stored, bool Created);
