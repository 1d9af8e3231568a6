using System.Text.Json;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>One request read from an import file, as a batch item, with what was wrong with its format.</summary>
/// <param name="Number">The row's number, from 1.</param>
/// <param name="Line">The row's line in a CSV file; <see langword="null"/> for JSON.</param>
/// <param name="Item">The batch item (a JSON object for CSV; as written for JSON). A CSV cell that could not be read is left out of it.</param>
/// <param name="FormatErrors">Cells that could not be read (not a number, not a date); empty for JSON, whose items the batch validation reads.</param>
public sealed record ImportRow(int Number, long? Line, JsonElement Item, IReadOnlyList<ImportError> FormatErrors);
