using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Common.Options;

/// <summary>
/// Validates options bound from a configuration section by their data annotations (and
/// <see cref="IValidatableObject"/>), and names each failing key the way configuration spells it: <c>Smtp:Port: The
/// field Port must be between 1 and 65535.</c>
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
/// <param name="section">The configuration section the options are bound from, for example <c>Smtp</c>.</param>
public sealed class ConfigurationKeyValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{section}:{string.Join($", {section}:", r.MemberNames.DefaultIfEmpty("?"))}: {r.ErrorMessage}"));
    }
}
