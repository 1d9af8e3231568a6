using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>The per-mailbox concurrency limit: mailboxes compare case-insensitively, waiters get the slot freed for them, other mailboxes never wait.</summary>
public sealed class MailboxLimiterTests
{
    [Fact]
    public async Task EnterAsync_SameMailboxOtherCase_WaitsForTheSlotUntilItIsFreed()
    {
        using var limiter = new MailboxLimiter(Options.Create(new MicrosoftOptions { MaxConcurrentPerMailbox = 1 }));

        var first = await limiter.EnterAsync("Grace@Contoso.example", CancellationToken.None);
        var second = limiter.EnterAsync("grace@contoso.EXAMPLE", CancellationToken.None);
        var other = limiter.EnterAsync("maya@contoso.example", CancellationToken.None);
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using var secondSlot = await second.WaitAsync(TimeSpan.FromSeconds(10));
        using var otherSlot = await other.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waitedWhileHeld);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_Throws()
    {
        using var limiter = new MailboxLimiter(Options.Create(new MicrosoftOptions { MaxConcurrentPerMailbox = 1 }));
        using var held = await limiter.EnterAsync("grace@contoso.example", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.EnterAsync("grace@contoso.example", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
