namespace Scheduler.Gateway.Web.Imports;

/// <summary>What is wrong with one row of an import file.</summary>
/// <param name="Row">The row's number, from 1 (the first request; in a CSV, the first line after the header).</param>
/// <param name="Line">The row's line in a CSV file (the header is line 1); <see langword="null"/> for JSON.</param>
/// <param name="Field">The CSV column, or the API field path when no column holds it (always the API path for JSON).</param>
/// <param name="Message">What is wrong, in the API's words.</param>
public sealed record ImportError(int Row, long? Line, string Field, string Message);
