using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>Request bodies and multistatus parsing for CalDAV (RFC 4791, RFC 4918).</summary>
internal static class CalDavXml
{
    public static readonly XNamespace Dav = "DAV:";
    public static readonly XNamespace CalDav = "urn:ietf:params:xml:ns:caldav";

    /// <summary>A <c>calendar-query</c> (RFC 4791 §7.8) for VEVENTs overlapping <c>[start, end)</c>, asking for <c>getetag</c> and <c>calendar-data</c>.</summary>
    public static string CalendarQuery(DateTimeOffset start, DateTimeOffset end) => Write(
        new XElement(
            CalDav + "calendar-query",
            new XAttribute(XNamespace.Xmlns + "D", Dav),
            new XAttribute(XNamespace.Xmlns + "C", CalDav),
            new XElement(Dav + "prop", new XElement(Dav + "getetag"), new XElement(CalDav + "calendar-data")),
            new XElement(
                CalDav + "filter",
                new XElement(
                    CalDav + "comp-filter",
                    new XAttribute("name", "VCALENDAR"),
                    new XElement(CalDav + "comp-filter", new XAttribute("name", "VEVENT"), TimeRange(start, end))))));

    /// <summary>A <c>free-busy-query</c> (RFC 4791 §7.10) over <c>[start, end)</c>.</summary>
    public static string FreeBusyQuery(DateTimeOffset start, DateTimeOffset end) => Write(
        new XElement(CalDav + "free-busy-query", new XAttribute(XNamespace.Xmlns + "C", CalDav), TimeRange(start, end)));

    /// <summary>An <c>MKCALENDAR</c> body (RFC 4791 §5.3.1) with a display name, supporting VEVENT.</summary>
    public static string MkCalendar(string displayName) => Write(
        new XElement(
            CalDav + "mkcalendar",
            new XAttribute(XNamespace.Xmlns + "D", Dav),
            new XAttribute(XNamespace.Xmlns + "C", CalDav),
            new XElement(
                Dav + "set",
                new XElement(
                    Dav + "prop",
                    new XElement(Dav + "displayname", displayName),
                    new XElement(CalDav + "supported-calendar-component-set", new XElement(CalDav + "comp", new XAttribute("name", "VEVENT")))))));

    /// <summary>The resources with <c>calendar-data</c> in a 207 multistatus body (RFC 4918 §13); propstats other than 200 are skipped.</summary>
    /// <exception cref="XmlException">The body is not XML.</exception>
    public static IReadOnlyList<CalDavResource> ParseMultistatus(string xml)
    {
        var document = XDocument.Parse(xml);
        List<CalDavResource> resources = [];
        foreach (var response in document.Descendants(Dav + "response"))
        {
            var href = response.Element(Dav + "href")?.Value;
            foreach (var propstat in response.Elements(Dav + "propstat"))
            {
                var status = propstat.Element(Dav + "status")?.Value ?? string.Empty;
                var prop = propstat.Element(Dav + "prop");
                var data = prop?.Element(CalDav + "calendar-data")?.Value;
                if (href is null || data is null || !status.Contains(" 200", StringComparison.Ordinal))
                {
                    continue;
                }

                resources.Add(new CalDavResource(href, prop!.Element(Dav + "getetag")?.Value, data));
            }
        }

        return resources;
    }

    private static XElement TimeRange(DateTimeOffset start, DateTimeOffset end) =>
        new(CalDav + "time-range", new XAttribute("start", Utc(start)), new XAttribute("end", Utc(end)));

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Write(XElement root) => new XDeclaration("1.0", "utf-8", null) + root.ToString(SaveOptions.DisableFormatting);
}
