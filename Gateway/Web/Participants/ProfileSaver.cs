using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.Participants;
using Scheduler.Gateway.Web.Requests;
using Scheduler.Grains.Calendars.Network;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>
/// Saves the profile form as <c>PUT /v1/participants/{id}</c> does: the viewer is judged by the route's policy
/// (<see cref="SchedulerPolicies.Admin"/>), then <see cref="ParticipantWriter"/> checks and stores the body.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="authorization">The authorization service with the API's policies.</param>
/// <param name="hosts">The outbound policy of calendar fetches.</param>
public sealed class ProfileSaver(IGrainFactory factory, IAuthorizationService authorization, ICalendarHostCheck hosts)
{
    /// <summary>Saves the form.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="participantId">The participant id.</param>
    /// <param name="form">The form.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Messages by field path (<c>role</c> when the viewer may not); empty when saved.</returns>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(ClaimsPrincipal viewer, string participantId, ProfileForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(form);
        if (!(await authorization.AuthorizeAsync(viewer, SchedulerPolicies.Admin)).Succeeded)
        {
            return new Dictionary<string, string[]> { ["role"] = [ActionResult.Refused(SchedulerPolicies.Admin).Message!] };
        }

        var write = await ParticipantWriter.SaveAsync(new TenantGrains(factory, viewer.GetTenant()), participantId, form.ToBody(), hosts, cancellationToken);
        return write.Errors.ToDictionary();
    }
}
