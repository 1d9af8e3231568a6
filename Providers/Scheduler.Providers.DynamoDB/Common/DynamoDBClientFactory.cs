using Amazon;
using Amazon.Runtime;

namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Creates DynamoDB clients from <see cref="DynamoDBClientOptions"/>.</summary>
internal static class DynamoDBClientFactory
{
    /// <summary>
    /// Creates a client whose throttling and transient failures (5xx, timeouts) are retried by the
    /// SDK in its standard retry mode, <see cref="DynamoDBClientOptions.MaxErrorRetry"/> times.
    /// </summary>
    /// <param name="options">Endpoint, region and credentials.</param>
    /// <returns>A client; the caller disposes it.</returns>
    public static AmazonDynamoDBClient Create(DynamoDBClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        var credentials = Credentials(options);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }

    private static AWSCredentials? Credentials(DynamoDBClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKey) && !string.IsNullOrEmpty(options.SecretKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
                : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
        }

        return string.IsNullOrEmpty(options.ServiceUrl)
            ? null
            : new BasicAWSCredentials(DynamoDBClientOptions.LocalCredential, DynamoDBClientOptions.LocalCredential);
    }
}
