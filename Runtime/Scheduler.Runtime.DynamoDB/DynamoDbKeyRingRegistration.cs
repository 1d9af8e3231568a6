using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Makes a host's Data Protection key ring the service's shared one in DynamoDB (<see cref="DynamoDbXmlRepository"/>).</summary>
internal static class DynamoDbKeyRingRegistration
{
    /// <summary>
    /// Sets <see cref="KeyManagementOptions.XmlRepository"/> after every other configuration (a
    /// post-configuration), so it wins over a file-system ring that other registrations add. Needs
    /// the <see cref="DynamoDbConnection"/> that <c>UseDynamoDb</c> or <c>UseDynamoDbMembership</c> registers.
    /// </summary>
    public static void Add(IServiceCollection services) =>
        services.AddOptions<KeyManagementOptions>().PostConfigure<DynamoDbConnection, IOptions<SiloOptions>>((options, connection, silo) =>
            options.XmlRepository = new DynamoDbXmlRepository(connection.Client, connection.Options.GrainStateTableName, silo.Value.ServiceId));
}
