namespace Scheduler.Gateway.Webhooks;

/// <summary>The outcome of verifying a request from Slack.</summary>
public enum SlackSignatureResult
{
    /// <summary>Signed with the signing secret and fresh: process it.</summary>
    Valid,

    /// <summary>The timestamp or signature header is missing or malformed.</summary>
    Malformed,

    /// <summary>The timestamp is more than the allowed age away from now (replay protection).</summary>
    Stale,

    /// <summary>The signature does not match (forged or altered body).</summary>
    Mismatch,

    /// <summary>No signing secret is configured; every request is refused.</summary>
    NotConfigured,
}
