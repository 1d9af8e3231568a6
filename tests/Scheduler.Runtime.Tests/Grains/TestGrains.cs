using System.Collections.Concurrent;
using Scheduler.Runtime.Concurrency;

namespace Scheduler.Runtime.Tests.Grains;

/// <summary>Records what test grains observe, shared through DI.</summary>
public sealed class Probe
{
    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentDictionary<string, int> Deactivations { get; } = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public TaskCompletionSource Gate(string name) => Gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> EnterAndLeave();

    Task<int> MaxConcurrency();

    Task Fail(string message);

    ValueTask<int> Add(int value);

    Task WaitForGate(string gate);

    [AlwaysInterleave]
    Task<string> Ping();

    [OneWay]
    Task Notify(string message);

    Task DeactivateSoon();

    Task<int> YieldOnce();
}

public class CounterGrain(Probe probe) : Grain, ICounterGrain
{
    private int _inside;
    private int _max;
    private int _total;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        probe.Events.Enqueue($"deactivated:{GetPrimaryKeyString()}:{reason}");
        return Task.CompletedTask;
    }

    public async Task<int> EnterAndLeave()
    {
        var now = Interlocked.Increment(ref _inside);
        _max = Math.Max(_max, now);
        await Task.Yield();
        await Task.Delay(1);
        Interlocked.Decrement(ref _inside);
        return now;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task Fail(string message) => throw new ArgumentException(message, "value");

    public ValueTask<int> Add(int value)
    {
        _total += value;
        return ValueTask.FromResult(_total);
    }

    public Task WaitForGate(string gate) => probe.Gate(gate).Task;

    public Task<string> Ping() => Task.FromResult("pong");

    public Task Notify(string message)
    {
        probe.Events.Enqueue($"notified:{message}");
        return Task.CompletedTask;
    }

    public async Task<int> YieldOnce()
    {
        await Task.Yield();
        return ++_total;
    }

    public Task DeactivateSoon()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public interface IReentrantGrain : IGrainWithStringKey
{
    Task<int> EnterAndLeave();

    Task<int> MaxConcurrency();
}

[Reentrant]
public class ReentrantGrain : Grain, IReentrantGrain
{
    private int _inside;
    private int _max;
    private int _threadsInside;

    public async Task<int> EnterAndLeave()
    {
        var now = ++_inside;
        _max = Math.Max(_max, now);
        if (Interlocked.Increment(ref _threadsInside) != 1)
        {
            throw new InvalidOperationException("Two threads ran grain code at once.");
        }

        Interlocked.Decrement(ref _threadsInside);
        await Task.Delay(5);
        if (Interlocked.Increment(ref _threadsInside) != 1)
        {
            throw new InvalidOperationException("Two threads ran grain code at once.");
        }

        Interlocked.Decrement(ref _threadsInside);
        _inside--;
        return now;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);
}

public interface ICycleGrain : IGrainWithStringKey
{
    Task<string> CallPeer(string peerKey, int depth);
}

public class CycleGrain : Grain, ICycleGrain
{
    public async Task<string> CallPeer(string peerKey, int depth)
    {
        if (depth == 0)
        {
            return GetPrimaryKeyString();
        }

        return await GrainFactory.GetGrain<ICycleGrain>(peerKey).CallPeer(GetPrimaryKeyString(), depth - 1);
    }
}

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> Items { get; set; } = [];
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task<int> Increment(string item);

    Task<CounterStateView> Get();

    Task Clear();

    Task<string?> ETag();
}

public sealed record CounterStateView(int Value, IReadOnlyList<string> Items, bool RecordExists);

public class StatefulGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IStatefulGrain
{
    public async Task<int> Increment(string item)
    {
        state.State.Value++;
        state.State.Items.Add(item);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterStateView> Get() => Task.FromResult(new CounterStateView(state.State.Value, state.State.Items.ToList(), state.RecordExists));

    public Task Clear() => state.ClearStateAsync();

    public Task<string?> ETag() => Task.FromResult(state.ETag);
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task<int> Ticks();
}

public class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private int _ticks;
    private IGrainTimer? _timer;

    public Task Start(TimeSpan period)
    {
        _timer ??= RegisterGrainTimer(
            _ =>
            {
                _ticks++;
                probe.Events.Enqueue($"tick:{_ticks}");
                return Task.CompletedTask;
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task Unregister(string name);

    Task<IReadOnlyList<string>> Names();
}

public class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Unregister(string name)
    {
        var reminder = await GetReminder(name);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> Names() => (await GetReminders()).Select(r => r.ReminderName).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Events.Enqueue($"reminder:{GetPrimaryKeyString()}:{reminderName}:{status.CurrentTickTime:O}");
        if (probe.Gates.TryGetValue("fail-reminder", out var gate) && !gate.Task.IsCompleted)
        {
            throw new InvalidOperationException("reminder handler failing on purpose");
        }

        return Task.CompletedTask;
    }
}
