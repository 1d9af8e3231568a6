namespace Scheduler.Grains.Links;

/// <summary>Where the action behind a link stands for the person who follows it.</summary>
public enum ActionLinkState
{
    /// <summary>The action can be taken now.</summary>
    Open,

    /// <summary>The action was taken (by this person, through this link or another way).</summary>
    Done,

    /// <summary>The action can no longer be taken: the time was taken by someone else, replaced, or the request moved on.</summary>
    Closed,

    /// <summary>The link was altered, has expired, or names something that does not exist; nothing is shown of it.</summary>
    Invalid,
}
