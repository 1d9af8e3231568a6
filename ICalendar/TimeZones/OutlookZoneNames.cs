namespace Scheduler.ICalendar.TimeZones;

/// <summary>
/// Display names that Outlook and Exchange write as <c>TZID</c> (e.g.
/// <c>(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna</c>, or the older
/// <c>(GMT+01.00) Amsterdam / Berlin / ...</c>), keyed by the text after the offset with
/// everything but letters removed and lower-cased, mapped to Windows zone ids, which
/// <see cref="TimeZoneResolver"/> maps to IANA with the CLDR Windows mapping.
/// Lists of cities not in this table are matched city by city against IANA ids.
/// </summary>
internal static class OutlookZoneNames
{
    public static readonly IReadOnlyDictionary<string, string> WindowsIdByDescription = new Dictionary<string, string>
    {
        ["coordinateduniversaltime"] = "UTC",
        ["dublinedinburghlisbonlondon"] = "GMT Standard Time",
        ["greenwichmeantimedublinedinburghlisbonlondon"] = "GMT Standard Time",
        ["amsterdamberlinbernromestockholmvienna"] = "W. Europe Standard Time",
        ["brusselscopenhagenmadridparis"] = "Romance Standard Time",
        ["belgradebratislavabudapestljubljanaprague"] = "Central Europe Standard Time",
        ["sarajevoskopjewarsawzagreb"] = "Central European Standard Time",
        ["athensbucharest"] = "GTB Standard Time",
        ["athensbucharestistanbul"] = "GTB Standard Time",
        ["helsinkikyivrigasofiatallinnvilnius"] = "FLE Standard Time",
        ["helsinkikievrigasofiatallinnvilnius"] = "FLE Standard Time",
        ["jerusalem"] = "Israel Standard Time",
        ["cairo"] = "Egypt Standard Time",
        ["hararepretoria"] = "South Africa Standard Time",
        ["istanbul"] = "Turkey Standard Time",
        ["moscowstpetersburg"] = "Russian Standard Time",
        ["moscowstpetersburgvolgograd"] = "Russian Standard Time",
        ["abudhabimuscat"] = "Arabian Standard Time",
        ["chennaikolkatamumbainewdelhi"] = "India Standard Time",
        ["beijingchongqinghongkongurumqi"] = "China Standard Time",
        ["kualalumpursingapore"] = "Singapore Standard Time",
        ["osakasapporotokyo"] = "Tokyo Standard Time",
        ["seoul"] = "Korea Standard Time",
        ["canberramelbournesydney"] = "AUS Eastern Standard Time",
        ["brisbane"] = "E. Australia Standard Time",
        ["aucklandwellington"] = "New Zealand Standard Time",
        ["hawaii"] = "Hawaiian Standard Time",
        ["alaska"] = "Alaskan Standard Time",
        ["pacifictimeuscanada"] = "Pacific Standard Time",
        ["pacifictimeuscanadatijuana"] = "Pacific Standard Time",
        ["mountaintimeuscanada"] = "Mountain Standard Time",
        ["arizona"] = "US Mountain Standard Time",
        ["centraltimeuscanada"] = "Central Standard Time",
        ["guadalajaramexicocitymonterrey"] = "Central Standard Time (Mexico)",
        ["easterntimeuscanada"] = "Eastern Standard Time",
        ["indianaeast"] = "US Eastern Standard Time",
        ["bogotalimaquitoriobranco"] = "SA Pacific Standard Time",
        ["bogotalimaquito"] = "SA Pacific Standard Time",
        ["atlantictimecanada"] = "Atlantic Standard Time",
        ["brasilia"] = "E. South America Standard Time",
        ["cityofbuenosaires"] = "Argentina Standard Time",
        ["buenosaires"] = "Argentina Standard Time",
        ["newfoundland"] = "Newfoundland Standard Time",
    };
}
