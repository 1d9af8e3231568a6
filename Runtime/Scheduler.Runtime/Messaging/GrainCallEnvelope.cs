using System.Text.Json;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// A grain call as it crosses process boundaries (silo to silo, gateway to silo): JSON, camelCase.
/// Arguments are serialized with the parameter types of the interface method.
/// </summary>
/// <param name="CallId">A unique id of the call (for tracing and duplicate detection).</param>
/// <param name="Target">The grain.</param>
/// <param name="Interface">The grain interface's full type name.</param>
/// <param name="Method">The method name.</param>
/// <param name="Arguments">The arguments, one JSON value per parameter.</param>
/// <param name="OneWay">Whether the caller does not wait for a response.</param>
/// <param name="Deadline">When the caller stops waiting (UTC); the callee may drop the call after it.</param>
/// <param name="ForwardCount">How many times the call was forwarded to another silo (at most once by design).</param>
public sealed record GrainCallEnvelope(
    string CallId,
    GrainId Target,
    string Interface,
    string Method,
    IReadOnlyList<JsonElement> Arguments,
    bool OneWay,
    DateTimeOffset Deadline,
    int ForwardCount);

/// <summary>The response to a <see cref="GrainCallEnvelope"/>: a result or the callee's exception type and message.</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="Result">The JSON result (<see langword="null"/> for methods without a result or on failure).</param>
/// <param name="ExceptionType">The full type name of the exception the grain threw, if any.</param>
/// <param name="ExceptionMessage">Its message.</param>
public sealed record GrainCallResponse(string CallId, JsonElement? Result, string? ExceptionType, string? ExceptionMessage);
