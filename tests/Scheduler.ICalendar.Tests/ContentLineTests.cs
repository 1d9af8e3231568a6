namespace Scheduler.ICalendar.Tests;

public sealed class ContentLineTests
{
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Parse_FoldedLinesWithSpaceOrTab_AreUnfolded(string newline)
    {
        var text = string.Join(newline, "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "SUMMARY:Hello", " wor", "\tld", "END:VEVENT", "END:VCALENDAR");
        var calendar = VCalendar.Parse(text);
        Assert.Equal("Helloworld", calendar.Events.Single().Summary);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsIgnored()
    {
        var calendar = VCalendar.Parse("\uFEFF" + Ics.Calendar(Ics.Event("UID:a", "DTSTART:20240101T100000Z")));
        Assert.Equal("a", calendar.Events.Single().Uid);
    }

    [Fact]
    public void Parse_Stream_ReadsUtf8WithBom()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Ics.Calendar(Ics.Event("UID:a", "DTSTART:20240101T100000Z", "SUMMARY:Grüße")))).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.Equal("Grüße", VCalendar.Parse(stream).Events.Single().Summary);
    }

    [Fact]
    public void Parse_QuotedAndMultiValuedParameters_AreSplitAndUnquoted()
    {
        var calendar = Ics.Parse(Ics.Event(
            "UID:a",
            "DTSTART:20240101T100000Z",
            "ATTENDEE;CN=\"Doe, Jane: PhD\";MEMBER=\"mailto:a@x.org\",\"mailto:b@x.org\";ROLE=CHAIR:mailto:jane@x.org",
            "X-NOTE;X-Q=say ^'hi^'^nbye:v"));
        var component = calendar.Events.Single().Component;
        var attendee = component.GetProperty("attendee")!;
        Assert.Equal("Doe, Jane: PhD", attendee.GetParameter("cn"));
        Assert.Equal(["mailto:a@x.org", "mailto:b@x.org"], attendee.Parameters["MEMBER"]);
        Assert.Equal("CHAIR", attendee.GetParameter("ROLE"));
        Assert.Equal("mailto:jane@x.org", attendee.Value);
        Assert.Equal("say \"hi\"\nbye", component.GetProperty("X-NOTE")!.GetParameter("X-Q"));
    }

    [Theory]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"a\;b\,c", "a;b,c")]
    [InlineData(@"line1\nline2\Nline3", "line1\nline2\nline3")]
    [InlineData(@"colon\:kept", "colon:kept")]
    [InlineData("plain", "plain")]
    public void Unescape_TextEscapes_AreDecoded(string raw, string expected) =>
        Assert.Equal(expected, CalendarText.Unescape(raw));

    [Fact]
    public void Escape_SpecialCharacters_RoundTripThroughUnescape()
    {
        const string text = "a\\b;c,d\r\ne\nf";
        var escaped = CalendarText.Escape(text);
        Assert.Equal(@"a\\b\;c\,d\ne\nf", escaped);
        Assert.Equal("a\\b;c,d\ne\nf", CalendarText.Unescape(escaped));
    }

    [Fact]
    public void SplitList_EscapedComma_StaysInsideItem() =>
        Assert.Equal(["a,b", "c"], CalendarText.SplitList(@"a\,b,c"));

    [Fact]
    public void Parse_BlankLines_AreTolerated()
    {
        var calendar = VCalendar.Parse("BEGIN:VCALENDAR\r\n\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\n\r\nEND:VCALENDAR\r\n\r\n");
        Assert.Single(calendar.Events);
    }
}
