using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Gateway.Common;

/// <summary>The API's JSON conventions: camelCase names, camelCase enum strings (no numbers), numbers only as JSON numbers (<c>"60"</c> is refused), RFC 3339 instants in UTC.</summary>
public static class JsonSetup
{
    /// <summary>Applies the conventions to <paramref name="options"/>.</summary>
    /// <param name="options">The serializer options (web defaults).</param>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new Rfc3339DateTimeOffsetConverter());
    }

    /// <summary>Registers the conventions for minimal API bodies and results, and makes binding failures throw so they become 400 problem details.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSchedulerJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => Apply(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
