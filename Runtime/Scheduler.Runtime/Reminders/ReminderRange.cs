namespace Scheduler.Runtime.Reminders;

/// <summary>A ring range (<see cref="Begin"/>, <see cref="End"/>] of 32-bit grain hashes (<see cref="GrainId.GetUniformHashCode"/>), as <see cref="IReminderTable.ReadRangeAsync"/> takes it.</summary>
/// <param name="Begin">Exclusive start.</param>
/// <param name="End">Inclusive end; not greater than <paramref name="Begin"/> wraps around past <see cref="uint.MaxValue"/>; equal to it means the whole ring.</param>
public readonly record struct ReminderRange(uint Begin, uint End)
{
    /// <summary>The whole ring.</summary>
    public static ReminderRange Everything { get; } = new(0, 0);

    /// <summary>Whether <paramref name="hash"/> lies in the range.</summary>
    /// <param name="hash">A grain hash.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(uint hash) => HashRange.Contains(hash, Begin, End);
}
