using BenchmarkDotNet.Running;
using PoleKnowledge.SearchBench;

// Usage: dotnet run -c Release --project bench/SearchBench -- <data folder> [BenchmarkDotNet options]
// The data folder is a hub's App_Data with content imported (e.g. the corpus, or the 100k generated items).
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Give the data folder of a hub with content as the first argument.");
    return 1;
}
Environment.SetEnvironmentVariable(SearchBenchmarks.DataPathVariable, Path.GetFullPath(args[0]));
if (args.Length > 1 && args[1] == "profile")
{
    // Quick breakdown without BenchmarkDotNet: the same search with parts switched off, median of 50 runs.
    var bench = new SearchBenchmarks();
    bench.Setup();
    bench.Profile(Console.Out);
    bench.Cleanup();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args[1..]);
return 0;
