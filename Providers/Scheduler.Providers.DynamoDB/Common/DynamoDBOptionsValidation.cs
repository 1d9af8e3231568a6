namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Validates DynamoDB options used outside Orleans (key ring, health check) through the options system.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class DynamoDBOptionsValidation<TOptions> : IValidateOptions<TOptions>
    where TOptions : DynamoDBClientOptions
{
    /// <summary>Fails with one message per invalid option.</summary>
    /// <param name="name">The options' name.</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or the failures.</returns>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
