using Scheduler.Gateway.InterviewRequests;
using Scheduler.Grains.Common;
using Scheduler.Grains.Requests;

namespace Scheduler.Gateway.Tests;

public sealed class BatchPartitionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Window = new(Start, Start.AddDays(14));

    [Fact]
    public void Chunks_EveryIndexExactlyOnceInBatchOrder()
    {
        var specs = Enumerable.Range(0, 1_000).Select(n => Spec($"c{n}", $"i{n % 37:D2}")).ToArray();

        var chunks = BatchPartition.Chunks(specs, targetChunk: 100, maxChunk: 300);

        Assert.Equal(Enumerable.Range(0, 1_000), chunks.SelectMany(c => c).Order());
        Assert.All(chunks, c => Assert.Equal(c.Order(), c));
        Assert.All(chunks, c => Assert.InRange(c.Count, 1, 300));
    }

    [Fact]
    public void Chunks_SameInterviewersStayTogether()
    {
        var specs = Enumerable.Range(0, 900).Select(n => Spec($"c{n}", $"i{n % 30:D2}")).ToArray();

        var chunks = BatchPartition.Chunks(specs, targetChunk: 100, maxChunk: 300);

        var chunkOfInterviewer = new Dictionary<string, int>();
        for (var c = 0; c < chunks.Count; c++)
        {
            foreach (var index in chunks[c])
            {
                var interviewer = specs[index].Stages[0].InterviewerIds[0];
                Assert.Equal(c, chunkOfInterviewer.TryAdd(interviewer, c) ? c : chunkOfInterviewer[interviewer]);
            }
        }

        Assert.Equal(10, chunks.Count);
    }

    [Fact]
    public void Chunks_GroupLargerThanMax_Split()
    {
        var specs = Enumerable.Range(0, 250).Select(n => Spec($"c{n}", "hot")).ToArray();

        var chunks = BatchPartition.Chunks(specs, targetChunk: 50, maxChunk: 100);

        Assert.Equal([100, 100, 50], chunks.Select(c => c.Count));
    }

    [Fact]
    public void Chunks_PoolOnlyRequests_GroupedByPool()
    {
        InterviewRequestSpec Pooled(string candidate, string pool) =>
            new(candidate, [new StageSpec("screen", 45, []) { Pools = [new PoolSlotSpec(pool, 1)] }], Window);
        var specs = new[] { Pooled("c1", "p1"), Pooled("c2", "p2"), Pooled("c3", "p1"), Pooled("c4", "p2") };

        var chunks = BatchPartition.Chunks(specs, targetChunk: 2, maxChunk: 2);

        Assert.Equal([[0, 2], [1, 3]], chunks.Select(c => c.ToArray()));
    }

    [Fact]
    public void Chunks_SizesOutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPartition.Chunks([], targetChunk: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPartition.Chunks([], targetChunk: 10, maxChunk: 5));
        Assert.Empty(BatchPartition.Chunks([]));
    }

    private static InterviewRequestSpec Spec(string candidate, string interviewer) =>
        new(candidate, [new StageSpec("screen", 60, [interviewer])], Window) { Mode = SchedulingMode.AutoBook };
}
