using System.ComponentModel;
using System.Diagnostics;

namespace PoleKnowledge.Site.Cli;

/// <summary>
/// Runs a verb again in a child process whose GC has a 256 MB generation-0 budget. A rebuild of the index makes
/// about 110 KB of short-lived garbage per item (analysis, field values); with the default budget, which the
/// runtime sizes from the CPU cache, the workstation GC paused 10 s of a 63 s rebuild of 100,000 items, and 4 s
/// with this budget (docs/benchmarks.md). The budget can only be set before the runtime starts
/// (<c>DOTNET_GCgen0size</c>), hence the second process; it inherits the console, the arguments and the
/// environment. Null when the budget is already set or the process cannot be started (the verb then runs here).
/// </summary>
internal static class LargeGen0Relaunch
{
    public const string Variable = "DOTNET_GCgen0size";
    private const string Budget = "0x10000000";

    public static async Task<int?> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || Environment.ProcessPath is not { } host)
        {
            return null;
        }
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // `dotnet PoleKnowledge.Site.dll reindex`: the host needs the application again.
            start.ArgumentList.Add(typeof(LargeGen0Relaunch).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[Variable] = Budget;
        try
        {
            using var child = Process.Start(start);
            if (child is null)
            {
                return null;
            }
            await child.WaitForExitAsync();
            return child.ExitCode;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
