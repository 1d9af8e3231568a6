using BenchmarkDotNet.Running;
using Scheduler.Scheduling.Benchmarks;

if (args.Contains("--batch-report"))
{
    BatchReport.Run(args);
    return;
}

if (args.Contains("--chunk-report"))
{
    ChunkReport.Run(args);
    return;
}

if (args.Contains("--contended-report"))
{
    ContendedReport.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SingleRequestBenchmarks).Assembly).Run(args);
