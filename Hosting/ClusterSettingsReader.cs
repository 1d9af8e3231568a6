using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Scheduler.Hosting;

/// <summary>Reads and validates the <c>Cluster</c> section before anything starts, so bad configuration stops the process with the key's name.</summary>
internal static class ClusterSettingsReader
{
    public static ClusterSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ClusterSettings.SectionName);
        ClusterSettings settings;
        try
        {
            settings = section.Get<ClusterSettings>() ?? new ClusterSettings();
        }
        catch (InvalidOperationException ex)
        {
            // A value the binder cannot convert (Cluster:Provider=Redis, Cluster:SiloPort=abc); its message names the key.
            throw new OptionsValidationException(ClusterSettings.SectionName, typeof(ClusterSettings), [ex.Message]);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(ClusterSettings.SectionName, typeof(ClusterSettings),
                [.. results.Select(r => $"{ClusterSettings.SectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")]);
        }

        return settings;
    }
}
