namespace Scheduler.Runtime;

/// <summary>Creates grain references. Available from DI and as <see cref="Grain.GrainFactory"/>.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain of interface <typeparamref name="TGrainInterface"/> with
    /// the given key. Creating a reference is cheap and never activates the grain; the first call
    /// through it does.
    /// </summary>
    /// <typeparam name="TGrainInterface">A grain interface with exactly one registered implementation.</typeparam>
    /// <param name="key">The grain key: non-empty.</param>
    /// <returns>A reference that is valid anywhere in the cluster.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">No grain class implements <typeparamref name="TGrainInterface"/>.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Returns a reference to an existing grain id, typed as <typeparamref name="TGrainInterface"/>.</summary>
    /// <typeparam name="TGrainInterface">A grain interface implemented by the grain type of <paramref name="grainId"/>.</typeparam>
    /// <param name="grainId">The grain id.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="InvalidOperationException">The grain type does not implement <typeparamref name="TGrainInterface"/>.</exception>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
