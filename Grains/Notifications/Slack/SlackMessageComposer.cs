using System.Globalization;
using System.Text.Json.Nodes;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Pools;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>
/// Builds Block Kit messages (Slack docs, "Block Kit": <c>section</c> with <c>mrkdwn</c>, <c>actions</c> with
/// <c>button</c>s): one per notification and recipient, times in the recipient's zone, buttons to accept a proposal
/// or a pool offer, and the replacement shown once an offer is taken.
/// </summary>
public static class SlackMessageComposer
{
    /// <summary>The message for a notification.</summary>
    /// <param name="requestKey">The request grain key (button values).</param>
    /// <param name="notification">The notification.</param>
    /// <param name="recipient">The recipient; must have a Slack target.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">The recipient has no Slack target.</exception>
    public static SlackMessage ForNotification(string requestKey, InterviewNotification notification, NotificationRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        var channel = string.IsNullOrWhiteSpace(recipient.SlackTarget)
            ? throw new ArgumentException($"Recipient '{recipient.Id}' has no Slack target.", nameof(recipient))
            : recipient.SlackTarget;
        var when = notification.Slot is { } slot ? LocalTimeFormatter.Range(slot.Start, slot.End, recipient.TimeZone) : string.Empty;
        var (subject, _) = EmailTemplates.For(notification.Kind);
        var headline = EmailTemplates.Fill(subject, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = notification.Title,
            ["when"] = when,
        });
        var detail = notification.Kind == NotificationKind.ThankYou ? notification.Note ?? EmailTemplates.DefaultNextSteps : notification.Reason;
        var blocks = new JsonArray { Section($"*{Escape(headline)}*" + (detail is { Length: > 0 } ? "\n" + Escape(detail) : string.Empty)) };
        if (notification.Url is { Length: > 0 } url)
        {
            blocks.Add(Section($"<{url}|Join the video meeting>"));
        }
        else if (notification.Location is { Length: > 0 } location)
        {
            blocks.Add(Section("Where: " + Escape(location)));
        }

        if (notification.Kind == NotificationKind.ProposalsReady && notification.Proposals.Count > 0)
        {
            var buttons = new JsonArray();
            for (var i = 0; i < notification.Proposals.Count && i < 25; i++)
            {
                var proposal = notification.Proposals[i];
                var index = i.ToString(CultureInfo.InvariantCulture);
                var choice = notification.ProposalIds.Count == notification.Proposals.Count ? notification.ProposalIds[i] : index;
                buttons.Add(Button(LocalTimeFormatter.Range(proposal.Start, proposal.End, recipient.TimeZone), SlackActions.AcceptProposal + "_" + index, SlackActions.Value(requestKey, choice)));
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = "proposals", ["elements"] = buttons });
        }

        return new SlackMessage(channel, headline, blocks);
    }

    /// <summary>A first-to-accept offer of a slot to one pool member.</summary>
    /// <param name="poolKey">The pool grain key.</param>
    /// <param name="offer">The offer.</param>
    /// <param name="memberSlackId">The member's Slack user id (DM).</param>
    /// <param name="memberZone">The member's zone: an IANA id or a Windows zone name (<see cref="TimeZones.ZoneOrUtc"/>).</param>
    /// <param name="title">What the interview is.</param>
    /// <returns>The message.</returns>
    public static SlackMessage PoolOffer(string poolKey, OfferView offer, string memberSlackId, string memberZone, string title)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var when = LocalTimeFormatter.Range(offer.Slot.Start, offer.Slot.End, memberZone);
        var text = $"Can you take \"{title}\" on {when}? First to accept gets it.";
        var blocks = new JsonArray
        {
            Section(Escape(text)),
            new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "offer",
                ["elements"] = new JsonArray { Button("Accept", SlackActions.AcceptPoolOffer, SlackActions.Value(poolKey, offer.OfferId), primary: true) },
            },
        };
        return new SlackMessage(memberSlackId, text, blocks);
    }

    /// <summary>The replacement of a pool offer message once the offer is decided (no button).</summary>
    /// <param name="channel">The channel Slack reported for the offer message.</param>
    /// <param name="title">What the interview is.</param>
    /// <param name="acceptedByYou">Whether this recipient won.</param>
    /// <returns>The message for <see cref="ISlackClient.UpdateMessageAsync"/>.</returns>
    public static SlackMessage OfferDecided(string channel, string title, bool acceptedByYou)
    {
        var text = acceptedByYou ? $"You took \"{title}\". The invite follows by email." : $"\"{title}\" was taken by someone else. Thanks!";
        return new SlackMessage(channel, text, [Section(Escape(text))]);
    }

    /// <summary>The replacement of a pool offer message once the offer was withdrawn as a whole (no button).</summary>
    /// <param name="channel">The channel Slack reported for the offer message.</param>
    /// <param name="title">What the interview is.</param>
    /// <returns>The message for <see cref="ISlackClient.UpdateMessageAsync"/>.</returns>
    public static SlackMessage OfferWithdrawn(string channel, string title)
    {
        var text = $"\"{title}\" is no longer offered. Nothing to do.";
        return new SlackMessage(channel, text, [Section(Escape(text))]);
    }

    private static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown },
    };

    private static JsonObject Button(string label, string actionId, string value, bool primary = false)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label.Length > 75 ? label[..75] : label },
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> as Slack's mrkdwn requires.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
