using Scheduler.Gateway.Common;

namespace Scheduler.Gateway.Tests;

/// <summary>The API accepts exactly the addresses the email sender can address: one <c>local@domain</c>, nothing else.</summary>
public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+interviews@mail.example.co.uk")]
    [InlineData("grace@[192.0.2.1]")]
    public void IsEmailAddress_OneAddress_True(string address) => Assert.True(FieldRules.IsEmailAddress(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@example.com, grace@example.com")]
    [InlineData("Ada Lovelace <ada@example.com>")]
    [InlineData(" ada@example.com")]
    [InlineData("ada@@example.com")]
    public void IsEmailAddress_NotOneAddress_False(string? address) => Assert.False(FieldRules.IsEmailAddress(address));

    [Fact]
    public void IsEmailAddress_LongerThan254_False() =>
        Assert.False(FieldRules.IsEmailAddress(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 62), 4)) + ".example"));
}
