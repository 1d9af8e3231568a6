namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>Graph's <c>iCalUId</c> read as the event's UID, with the two examples of [MS-ASEMAIL] §4.3.</summary>
public sealed class ExchangeGlobalObjectIdTests
{
    [Fact]
    public void ToUid_ReceivedInvite_TheOrganizersUidBehindVCalUid()
    {
        var hex = Convert.ToHexString(Convert.FromBase64String("BAAAAIIA4AB0xbcQGoLgCAAAAAAAAAAAAAAAAAAAAAAAAAAAMwAAAHZDYWwtVWlkAQAAAHs4MTQxMkQzQy0yQTI0LTRFOUQtQjIwRS0xMUY3QkJFOTI3OTl9AA=="));

        Assert.Equal("{81412D3C-2A24-4E9D-B20E-11F7BBE92799}", ExchangeGlobalObjectId.ToUid(hex));
        Assert.Equal("{81412D3C-2A24-4E9D-B20E-11F7BBE92799}", ExchangeGlobalObjectId.ToUid(hex.ToLowerInvariant()));
    }

    [Fact]
    public void ToUid_ExchangesOwnId_TheHexIdWithoutItsInstanceDate()
    {
        var hex = Convert.ToHexString(Convert.FromBase64String("BAAAAIIA4AB0xbcQGoLgCAfUCRDgQMnBJoXEAQAAAAAAAAAAEAAAAAvw7UtuTulOnjnjhns3jvM="));

        Assert.Equal("040000008200E00074C5B7101A82E00800000000E040C9C12685C4010000000000000000100000000BF0ED4B6E4EE94E9E39E3867B378EF3", ExchangeGlobalObjectId.ToUid(hex));
    }

    [Theory]
    [InlineData("acme.r1@scheduler")]
    [InlineData("040000008200E00074C5B7101A82E008")]
    [InlineData("040000008200E00074C5B7101A82E00800000000E040C9C12685C4010000000000000000FF0000000BF0ED4B6E4EE94E9E39E3867B378EF3")]
    public void ToUid_NotAnEncodedGlobalObjectId_AsGiven(string value) =>
        Assert.Equal(value, ExchangeGlobalObjectId.ToUid(value));

    [Fact]
    public void ToUid_Null_Null() => Assert.Null(ExchangeGlobalObjectId.ToUid(null));
}
