namespace Scheduler.Runtime.Membership;

/// <summary>A membership entry as stored, with the ETag a conditional update must present.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="ETag">The row's ETag (opaque).</param>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
