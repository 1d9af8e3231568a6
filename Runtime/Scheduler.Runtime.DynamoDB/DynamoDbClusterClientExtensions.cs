using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Client;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Points a cluster client at the DynamoDB membership table the silos write.</summary>
public static class DynamoDbClusterClientExtensions
{
    /// <summary>
    /// Reads membership from DynamoDB (<see cref="DynamoDbOptions.MembershipTableName"/>, partition
    /// of the client's <see cref="SiloOptions.ServiceId"/> and <see cref="SiloOptions.ClusterId"/>).
    /// The client never creates tables (<see cref="DynamoDbOptions.CreateTables"/> is ignored): the
    /// silos or the infrastructure do.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets the options (endpoint, region, table prefix).</param>
    /// <returns>The builder.</returns>
    public static ClusterClientBuilder UseDynamoDbMembership(this ClusterClientBuilder builder, Action<DynamoDbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.TryAddSingleton(sp => new DynamoDbConnection(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(DynamoDbMembershipTable.Create));
        return builder;
    }
}
