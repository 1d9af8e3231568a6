namespace Scheduler.Gateway.Tests;

public interface INoteGrain : IGrainWithStringKey
{
    Task Write(string text);

    Task<string?> Read();
}

[GenerateSerializer, Alias("Scheduler.Gateway.Tests.NoteState")]
public sealed class NoteState
{
    [Id(0)]
    public string? Text { get; set; }
}

public sealed class NoteGrain([PersistentState("note")] IPersistentState<NoteState> state) : Grain, INoteGrain
{
    public async Task Write(string text)
    {
        state.State.Text = text;
        await state.WriteStateAsync();
    }

    public Task<string?> Read() => Task.FromResult(state.State.Text);
}
