using System.Globalization;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Notifications.Slack.Inbox;

/// <summary>
/// What a Slack button press does: an accepted proposal becomes <see cref="IInterviewRequestGrain.Select"/> (the
/// value's index is mapped to the current proposal id; a proposal id is accepted too), an accepted pool offer
/// becomes <see cref="IInterviewerPoolGrain.Accept"/> for the member whose profile carries the pressing Slack user
/// (the pool grain lets the first accept win), after which the offer's Slack messages are brought up to date
/// (<see cref="IPoolOfferMessagesGrain.Refresh"/>). The grain key in the value names the tenant; the scheduler wrote it
/// and Slack signed it.
/// </summary>
public static class SlackInteractionHandler
{
    /// <summary>Handles one interaction.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="interaction">The interaction.</param>
    /// <returns>A short description of the outcome, e.g. <c>selected p1</c>.</returns>
    /// <exception cref="SlackInteractionRejectedException">The interaction can never succeed (malformed value, unknown request or offer).</exception>
    /// <remarks>Other exceptions (timeouts, storage faults) are transient: handling may be tried again.</remarks>
    public static async Task<string> HandleAsync(IGrainFactory grains, SlackInteractionRecord interaction)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(interaction);
        string key;
        string item;
        string tenant;
        try
        {
            (key, item) = SlackActions.Parse(interaction.Value);
            tenant = GrainKeys.Split(key).Tenant;
        }
        catch (FormatException ex)
        {
            throw new SlackInteractionRejectedException(ex.Message, ex);
        }

        if (interaction.ActionId.StartsWith(SlackActions.AcceptProposal, StringComparison.Ordinal))
        {
            var request = grains.GetGrain<IInterviewRequestGrain>(key);
            var view = await request.Get() ?? throw new SlackInteractionRejectedException($"Request '{key}' does not exist.");
            var proposalId = int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < view.Proposals.Count
                ? view.Proposals[index].Id
                : item;
            var outcome = await request.Select(proposalId);
            return outcome.Error == CommandError.None ? $"selected {proposalId}" : $"not selected: {outcome.Message}";
        }

        if (interaction.ActionId.StartsWith(SlackActions.AcceptPoolOffer, StringComparison.Ordinal))
        {
            var pool = grains.GetGrain<IInterviewerPoolGrain>(key);
            var offer = await pool.GetOffer(item) ?? throw new SlackInteractionRejectedException($"Offer '{item}' of pool '{key}' does not exist.");
            string? memberId = null;
            foreach (var recipient in offer.Recipients)
            {
                var profile = await grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, recipient.MemberId)).GetProfile();
                if (profile?.SlackUserId == interaction.UserId)
                {
                    memberId = recipient.MemberId;
                    break;
                }
            }

            if (memberId is null)
            {
                return $"Slack user {interaction.UserId} is not a recipient of the offer";
            }

            var accepted = await pool.Accept(item, memberId);
            await grains.GetGrain<IPoolOfferMessagesGrain>(key + "/" + item).Refresh();
            return accepted.Accepted ? $"offer accepted by {memberId}" : $"offer not accepted for {memberId}: {accepted.Message}";
        }

        return "unknown action ignored";
    }
}
