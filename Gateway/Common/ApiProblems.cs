using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Gateway.Common;

/// <summary>Problem responses shared by the endpoint groups.</summary>
public static class ApiProblems
{
    /// <summary>A <c>404</c> problem for an id that does not exist in the caller's tenant.</summary>
    /// <param name="what">What was looked for, e.g. <c>participant</c>.</param>
    /// <param name="id">The id (quoted by <see cref="FieldRules.Echo"/>).</param>
    /// <returns>The problem result.</returns>
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No {what} '{FieldRules.Echo(id)}' exists.");

    /// <summary>A <c>409</c> problem for a command that does not apply in the current state.</summary>
    /// <param name="detail">Why.</param>
    /// <returns>The problem result.</returns>
    public static ProblemHttpResult Conflict(string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The command does not apply in the current state.", detail: detail);

    /// <summary>A <c>409</c> problem that names what stands in the way, as a list under <paramref name="name"/>.</summary>
    /// <param name="detail">Why, and what to do first.</param>
    /// <param name="name">The extension member, e.g. <c>requestIds</c> or <c>pools</c>.</param>
    /// <param name="ids">The ids in the way.</param>
    /// <returns>The problem result.</returns>
    public static ProblemHttpResult Conflict(string detail, string name, IReadOnlyList<string> ids) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The command does not apply in the current state.",
            detail: detail,
            extensions: new Dictionary<string, object?> { [name] = ids });

    /// <summary>A <c>400</c> problem with one field error.</summary>
    /// <param name="field">The field path.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The validation problem.</returns>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A <c>400</c> problem with the collected errors.</summary>
    /// <param name="errors">The errors.</param>
    /// <returns>The validation problem.</returns>
    public static ValidationProblem Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary());
    }
}
