using System.Linq.Expressions;
using System.Reflection;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Concurrency;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Calls one grain interface method on a grain object, normalizing its result to a
/// <see cref="Task"/>, and converts the caller-side task back to the method's declared return type.
/// Built once per interface method with compiled expressions (no reflection per call).
/// </summary>
internal abstract class GrainMethodInvoker
{
    private readonly Func<object, object?[], Task> _body;
    private readonly ReturnKind _returnKind;

    protected GrainMethodInvoker(MethodInfo method, ReturnKind returnKind)
    {
        Method = method;
        _returnKind = returnKind;
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), inherit: true);
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        _body = CompileBody(method, returnKind);
    }

    internal enum ReturnKind
    {
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    public MethodInfo Method { get; }

    public string Name => Method.Name;

    public Type[] ParameterTypes { get; }

    public bool AlwaysInterleave { get; }

    public bool IsOneWay { get; }

    /// <summary>The method's result type (<see cref="VoidResult"/> for <see cref="Task"/> and <see cref="ValueTask"/>).</summary>
    public abstract Type ResultType { get; }

    public static GrainMethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new GrainMethodInvoker<VoidResult>(method, ReturnKind.Task);
        }

        if (returnType == typeof(ValueTask))
        {
            return new GrainMethodInvoker<VoidResult>(method, ReturnKind.ValueTask);
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var resultType = returnType.GetGenericArguments()[0];
            if (definition == typeof(Task<>))
            {
                return (GrainMethodInvoker)Activator.CreateInstance(typeof(GrainMethodInvoker<>).MakeGenericType(resultType), method, ReturnKind.TaskOfT)!;
            }

            if (definition == typeof(ValueTask<>))
            {
                return (GrainMethodInvoker)Activator.CreateInstance(typeof(GrainMethodInvoker<>).MakeGenericType(resultType), method, ReturnKind.ValueTaskOfT)!;
            }
        }

        throw new InvalidOperationException(
            $"Grain method {method.DeclaringType?.FullName}.{method.Name} returns {returnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    /// <summary>Runs the method body on <paramref name="grain"/>; synchronous exceptions become faulted tasks.</summary>
    public Task InvokeBody(object grain, object?[] arguments)
    {
        try
        {
            return _body(grain, arguments) ?? Faulted(new InvalidOperationException($"Grain method {Name} returned null."));
        }
        catch (Exception exception)
        {
            return Faulted(exception);
        }
    }

    /// <summary>A faulted task of the method's result type (so it converts to the declared return type).</summary>
    public abstract Task Faulted(Exception exception);

    /// <summary>Creates the caller-side pending call for a request that cannot complete inline.</summary>
    public abstract PendingCall CreatePendingCall(GrainActivation? target, object?[] arguments);

    /// <summary>Converts the caller-side task to the declared return type of the method (boxed).</summary>
    public object ToReturnValue(Task task) => _returnKind switch
    {
        ReturnKind.Task or ReturnKind.TaskOfT => task,
        ReturnKind.ValueTask => new ValueTask(task),
        _ => ToValueTaskOfT(task),
    };

    /// <summary>The caller-side return value for a one-way call that was accepted.</summary>
    public object CompletedReturnValue() => _returnKind switch
    {
        ReturnKind.Task => Task.CompletedTask,
        ReturnKind.ValueTask => default(ValueTask),
        _ => throw new InvalidOperationException($"One-way method {Name} must return Task or ValueTask."),
    };

    /// <summary>Awaits a value returned by a local invocation (<see cref="ToReturnValue"/>, <see cref="CompletedReturnValue"/>) and returns the method's result, boxed (<see langword="null"/> for methods without a result).</summary>
    public abstract Task<object?> AwaitResultAsync(object returnValue);

    /// <summary>The caller-side task of a call that runs on another silo: completes with the response's result deserialized to the method's result type, or faults with the remote exception.</summary>
    public abstract Task FromRemote(Task<GrainCallResponse> response, System.Text.Json.JsonSerializerOptions options);

    protected abstract object ToValueTaskOfT(Task task);

    private static Func<object, object?[], Task> CompileBody(MethodInfo method, ReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var callArguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            callArguments[i] = Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), parameters[i].ParameterType);
        }

        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, callArguments);
        if (kind is ReturnKind.ValueTask or ReturnKind.ValueTaskOfT)
        {
            call = Expression.Call(call, method.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        }

        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, arguments).Compile();
    }
}

/// <summary>The invoker of methods whose result is <typeparamref name="TResult"/>.</summary>
internal sealed class GrainMethodInvoker<TResult>(MethodInfo method, GrainMethodInvoker.ReturnKind returnKind)
    : GrainMethodInvoker(method, returnKind)
{
    public override Type ResultType => typeof(TResult);

    public override Task Faulted(Exception exception) =>
        typeof(TResult) == typeof(VoidResult) ? Task.FromException(exception) : Task.FromException<TResult>(exception);

    public override PendingCall CreatePendingCall(GrainActivation? target, object?[] arguments) =>
        new PendingCall<TResult>(this, target, arguments);

    public override async Task<object?> AwaitResultAsync(object returnValue)
    {
        switch (returnValue)
        {
            case Task<TResult> typed:
                return await typed.ConfigureAwait(false);
            case Task task:
                await task.ConfigureAwait(false);
                return null;
            case ValueTask<TResult> typed:
                return await typed.ConfigureAwait(false);
            case ValueTask task:
                await task.ConfigureAwait(false);
                return null;
            default:
                throw new InvalidOperationException($"Grain method {Name} returned {returnValue.GetType().Name}.");
        }
    }

    public override Task FromRemote(Task<GrainCallResponse> response, System.Text.Json.JsonSerializerOptions options) =>
        typeof(TResult) == typeof(VoidResult) ? AwaitVoidAsync(response) : AwaitResultAsync(response, options);

    protected override object ToValueTaskOfT(Task task) => new ValueTask<TResult>((Task<TResult>)task);

    private static async Task AwaitVoidAsync(Task<GrainCallResponse> response) => RemoteExceptions.ThrowIfFailed(await response.ConfigureAwait(false));

    private static async Task<TResult> AwaitResultAsync(Task<GrainCallResponse> response, System.Text.Json.JsonSerializerOptions options)
    {
        var answer = await response.ConfigureAwait(false);
        RemoteExceptions.ThrowIfFailed(answer);
        return answer.Result is { } result ? System.Text.Json.JsonSerializer.Deserialize<TResult>(result, options)! : default!;
    }
}

/// <summary>The result type used for methods returning <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
internal readonly struct VoidResult;
