namespace Scheduler.Gateway.Auth;

/// <summary>
/// The <c>token</c> command: <c>dotnet run --project Gateway -- token --tenant demo --roles admin,ats,recruiter [--minutes 480] [--subject name]</c>
/// prints an HS256 token signed with the key the gateway would use in the same environment and configuration.
/// </summary>
public static class TokenCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "token";

    /// <summary>Whether the arguments start the token command.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns><see langword="true"/> when the first argument is <c>token</c>.</returns>
    public static bool Matches(string[] args) => args is [Name, ..];

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>token</c>; unrecognised ones are passed to configuration (e.g. <c>--Auth:SigningKey=…</c>).</param>
    /// <param name="output">Where the token goes (only the token, one line).</param>
    /// <param name="error">Where usage and errors go.</param>
    /// <returns>0 on success, 2 on bad arguments, 1 when no key is available (e.g. OIDC mode or Production without a key).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? tenant = null;
        string roles = string.Join(',', SchedulerRoles.All);
        string subject = "local-user";
        int? minutes = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--tenant" when value is not null: tenant = value; i++; break;
                case "--roles" when value is not null: roles = value; i++; break;
                case "--subject" when value is not null: subject = value; i++; break;
                case "--minutes" when int.TryParse(value, out var m): minutes = m; i++; break;
                default: rest.Add(args[i]); break;
            }
        }

        if (tenant is null)
        {
            error.WriteLine("usage: token --tenant <tenant> [--roles admin,ats,recruiter] [--minutes 480] [--subject <name>]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(rest.ToArray());
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        try
        {
            if (!string.IsNullOrEmpty(options.Authority))
            {
                error.WriteLine("Auth:Authority is configured: tokens come from the identity provider, not from this command.");
                return 1;
            }

            var issuer = new TokenIssuer(SigningKeys.Resolve(options, builder.Environment), options.Issuer, options.Audience, TimeProvider.System);
            var roleList = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (token, _) = issuer.Mint(tenant, roleList, subject, TimeSpan.FromMinutes(minutes ?? options.TokenLifetimeMinutes));
            output.WriteLine(token);
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
