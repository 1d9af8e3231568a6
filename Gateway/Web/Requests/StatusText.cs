using System.Text.Json;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>A request status as the API spells it (<c>noAvailability</c>), so the pages and the API use one vocabulary.</summary>
public static class StatusText
{
    /// <summary>The API's name of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The camel-case name.</returns>
    public static string Of(RequestStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
