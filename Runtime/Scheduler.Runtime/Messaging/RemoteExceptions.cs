namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Rebuilds, on the caller's side, the exception a grain threw on another silo: the same type when
/// it is loaded here, derives from <see cref="Exception"/> and has a constructor
/// <c>(string message, Exception inner)</c> or <c>(string message)</c> (the first is preferred: for
/// <see cref="ArgumentNullException"/> the single string is a parameter name); otherwise an
/// <see cref="InvalidOperationException"/> naming the remote type. Stack traces do not cross the wire.
/// </summary>
internal static class RemoteExceptions
{
    public static void ThrowIfFailed(GrainCallResponse response)
    {
        if (response.ExceptionType is { } typeName)
        {
            throw Create(typeName, response.ExceptionMessage);
        }
    }

    public static Exception Create(string typeName, string? message)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is not null);
        if (type is not null && typeof(Exception).IsAssignableFrom(type))
        {
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
            {
                return (Exception)withInner.Invoke([message, null]);
            }

            if (type.GetConstructor([typeof(string)]) is { } withMessage)
            {
                return (Exception)withMessage.Invoke([message]);
            }
        }

        return new InvalidOperationException($"The grain call failed on the remote silo with {typeName}: {message}");
    }
}
