namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Validates a provider's DynamoDB options when the silo or client starts (Orleans' <see cref="IConfigurationValidator"/>).</summary>
/// <param name="options">The options to validate.</param>
/// <param name="provider">What the options configure, for the message (for example <c>DynamoDB grain storage 'Default'</c>).</param>
internal sealed class DynamoDBOptionsValidator(DynamoDBClientOptions options, string provider) : IConfigurationValidator
{
    /// <summary>Throws when the options are invalid.</summary>
    /// <exception cref="OrleansConfigurationException">One or more options are invalid; the message names each of them.</exception>
    public void ValidateConfiguration()
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"Configuration of {provider} is invalid: {string.Join(" ", problems)}");
        }
    }
}
