namespace Scheduler.Grains.Notifications.Email;

/// <summary>One line of an email's details, with the link that acts on it (a proposal's booking link, an offer's accept link) when there is one.</summary>
/// <param name="Text">The line, plain text.</param>
/// <param name="Link">An absolute URL, or <see langword="null"/>.</param>
/// <param name="LinkLabel">The words the link is shown with.</param>
internal sealed record DetailLine(string Text, string? Link = null, string LinkLabel = "Book this time");
