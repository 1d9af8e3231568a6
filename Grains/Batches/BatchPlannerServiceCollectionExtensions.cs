using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Common.Options;

namespace Scheduler.Grains.Batches;

/// <summary>Registers the batch planner's settings with a silo's services.</summary>
public static class BatchPlannerServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BatchPlannerOptions"/>, validated at start-up (a silo without this call plans with the defaults).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configure">Changes to the options (for example binding the <c>BatchPlanner</c> section); may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddBatchPlanner(this IServiceCollection services, Action<BatchPlannerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(BatchPlannerOptions.SectionName, configure);
        return services;
    }
}
