namespace Scheduler.Runtime;

/// <summary>Marker for anything that can be addressed as a grain (grain references and grains).</summary>
public interface IAddressable;

/// <summary>Marker interface of every grain interface.</summary>
public interface IGrain : IAddressable;

/// <summary>
/// A grain interface whose grains are keyed by a string. Every grain interface of the product
/// derives from this one. Methods must return <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>, and take and return only
/// immutable records and primitives (they may cross process boundaries as JSON).
/// </summary>
public interface IGrainWithStringKey : IGrain;
