namespace Scheduler.Grains.Calendars.Network;

/// <summary>
/// The outbound policy of calendar fetches as the API applies it when a participant profile is saved: an iCalendar
/// feed or CalDAV URL whose host the silos would refuse to connect to is refused on its field before anything is
/// stored. The fetches check again at every connection.
/// </summary>
public interface ICalendarHostCheck
{
    /// <summary>
    /// Checks a calendar URL's host: a literal address or a name that resolves to a refused address is refused; a name
    /// that does not resolve now is accepted (the fetch reports it).
    /// </summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns><see langword="null"/> when allowed, else the reason.</returns>
    Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken);
}
