using System.Globalization;
using Scheduler.Grains;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// Works off the <see cref="SlackInteractionQueue"/>: an accepted proposal becomes
/// <see cref="IInterviewRequestGrain.Select"/>, an accepted pool offer <see cref="IInterviewerPoolGrain.Accept"/>
/// (the pool grain decides who was first). The grain key in the button value names the tenant; Slack signed it, and
/// the scheduler wrote it. An interaction that fails is logged with its action, value and user.
/// </summary>
public sealed class SlackInteractionProcessor : BackgroundService
{
    private readonly SlackInteractionQueue _queue;
    private readonly IGrainFactory _grains;
    private readonly ILogger<SlackInteractionProcessor> _log;

    /// <summary>Creates the processor.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="grains">The grain factory.</param>
    /// <param name="log">The logger.</param>
    public SlackInteractionProcessor(SlackInteractionQueue queue, IGrainFactory grains, ILogger<SlackInteractionProcessor> log)
    {
        _queue = queue;
        _grains = grains;
        _log = log;
    }

    /// <summary>Handles one interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A short description of the outcome.</returns>
    public async Task<string> HandleAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        cancellationToken.ThrowIfCancellationRequested();
        var (key, item) = SlackActions.Parse(interaction.Value);
        GrainKeys.Split(key);
        if (interaction.ActionId.StartsWith(SlackActions.AcceptProposal, StringComparison.Ordinal))
        {
            var request = _grains.GetGrain<IInterviewRequestGrain>(key);
            var view = await request.Get() ?? throw new InvalidOperationException($"Request '{key}' does not exist.");
            var proposalId = int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < view.Proposals.Count
                ? view.Proposals[index].Id
                : item;
            var outcome = await request.Select(proposalId);
            return outcome.Error == CommandError.None ? $"selected {proposalId}" : $"not selected: {outcome.Message}";
        }

        if (interaction.ActionId.StartsWith(SlackActions.AcceptPoolOffer, StringComparison.Ordinal))
        {
            var tenant = GrainKeys.Split(key).Tenant;
            var pool = _grains.GetGrain<IInterviewerPoolGrain>(key);
            var offer = await pool.GetOffer(item) ?? throw new InvalidOperationException($"Offer '{item}' of pool '{key}' does not exist.");
            string? memberId = null;
            foreach (var recipient in offer.Recipients)
            {
                var profile = await _grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, recipient.MemberId)).GetProfile();
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
            return accepted.Accepted ? $"offer accepted by {memberId}" : $"offer not accepted for {memberId}: {accepted.Message}";
        }

        return "unknown action ignored";
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var interaction in _queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var outcome = await HandleAsync(interaction, stoppingToken);
                    SlackWebhookLog.Processed(_log, interaction.ActionId, interaction.Value, interaction.UserId, outcome);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    SlackWebhookLog.Failed(_log, ex, interaction.ActionId, interaction.Value, interaction.UserId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
