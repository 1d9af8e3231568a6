namespace Scheduler.Gateway.Web.Imports;

/// <summary>What became of asking to send an import (<see cref="BatchImporter.StartAsync"/>).</summary>
/// <param name="ImportId">The import's id, whose page follows it; <see langword="null"/> when refused.</param>
/// <param name="Error">Why it was refused (the viewer's role, an invalid row); <see langword="null"/> when started or already sent.</param>
public sealed record ImportStart(string? ImportId, string? Error);
