using BenchmarkDotNet.Running;
using Scheduler.Orleans.Benchmarks;

if (args.Contains("--activation-memory"))
{
    ActivationMemoryReport.Run(args);
    return;
}

if (args.Contains("--remote-calls"))
{
    RemoteCallReport.Run(args);
    return;
}

if (args.Contains("--storage-load"))
{
    StorageLoadReport.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrainCallBenchmarks).Assembly).Run(args);
