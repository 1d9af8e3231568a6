namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>
/// How to reach DynamoDB: endpoint, region, credentials and the SDK's retries. The base of every
/// options class of this package.
/// </summary>
public abstract class DynamoDBClientOptions
{
    /// <summary>The access key and secret sent to a local endpoint when none are configured (dynalite accepts any).</summary>
    internal const string LocalCredential = "local";

    /// <summary>
    /// The endpoint to call instead of the region's, for example <c>http://127.0.0.1:4567</c> for a
    /// local dynalite or a VPC endpoint URL. <see langword="null"/> (the default) uses the endpoint of
    /// <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The AWS region name, for example <c>eu-west-1</c>. <see langword="null"/> (the default) lets the
    /// SDK resolve it (the <c>AWS_REGION</c> environment variable, as on Fargate, or the profile). With
    /// <see cref="ServiceUrl"/> it only signs requests (<c>us-east-1</c> when unset).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// The access key id. <see langword="null"/> (the default) uses the SDK's default credential chain
    /// (environment, profile, ECS task role, EC2 instance role), or fixed local credentials when
    /// <see cref="ServiceUrl"/> is set. Set together with <see cref="SecretKey"/>.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret access key that goes with <see cref="AccessKey"/>; never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>An optional session token for temporary credentials; needs <see cref="AccessKey"/> and <see cref="SecretKey"/>.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// How often the SDK retries a throttled or transiently failed request (standard retry mode:
    /// exponential backoff with jitter). Range 0–20, default 8; 0 disables retries. Conditional-check
    /// failures are never retried.
    /// </summary>
    public int MaxErrorRetry { get; set; } = 8;

    /// <summary>Describes what is wrong with these options, naming the option; empty when valid.</summary>
    /// <returns>One message per problem.</returns>
    internal virtual IEnumerable<string> Problems()
    {
        if (ServiceUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"{nameof(ServiceUrl)} must be an absolute http or https URL, not '{url}'.";
        }

        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return $"{nameof(AccessKey)} and {nameof(SecretKey)} must be set together (or neither, for the SDK's default credentials).";
        }

        if (!string.IsNullOrEmpty(SessionToken) && string.IsNullOrEmpty(AccessKey))
        {
            yield return $"{nameof(SessionToken)} needs {nameof(AccessKey)} and {nameof(SecretKey)}.";
        }

        if (MaxErrorRetry is < 0 or > 20)
        {
            yield return $"{nameof(MaxErrorRetry)} must be between 0 and 20, not {MaxErrorRetry}.";
        }
    }
}
