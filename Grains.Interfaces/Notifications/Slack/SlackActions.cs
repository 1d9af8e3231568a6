namespace Scheduler.Grains.Notifications.Slack;

/// <summary>
/// The <c>action_id</c>s of the buttons the scheduler posts, and the format of their <c>value</c>, which the
/// interaction handler behind <c>/webhooks/slack</c> reads back (Slack Block Kit, button element).
/// </summary>
public static class SlackActions
{
    /// <summary>Accept one proposal of a request; value <c>{requestKey}|{proposalIndex}</c>.</summary>
    public const string AcceptProposal = "accept_proposal";

    /// <summary>Accept a first-to-accept pool offer; value <c>{poolKey}|{offerId}</c>.</summary>
    public const string AcceptPoolOffer = "accept_pool_offer";

    /// <summary>Builds a button value.</summary>
    /// <param name="key">A grain key <c>{tenant}/{id}</c>.</param>
    /// <param name="item">The proposal index or offer id (no <c>|</c>).</param>
    /// <returns>The value (at most 2000 characters, Slack's limit).</returns>
    /// <exception cref="ArgumentException">The item contains <c>|</c> or the value is too long.</exception>
    public static string Value(string key, string item)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(item);
        if (item.Contains('|', StringComparison.Ordinal) || key.Length + item.Length + 1 > 2000)
        {
            throw new ArgumentException("The item must not contain '|' and the value must fit 2000 characters.", nameof(item));
        }

        return key + "|" + item;
    }

    /// <summary>Splits a button value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The grain key and the item.</returns>
    /// <exception cref="FormatException">No <c>|</c>.</exception>
    public static (string Key, string Item) Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bar = value.LastIndexOf('|');
        return bar > 0 && bar < value.Length - 1 ? (value[..bar], value[(bar + 1)..]) : throw new FormatException("Not a '{key}|{item}' button value.");
    }
}
