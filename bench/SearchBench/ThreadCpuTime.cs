using System.Runtime.InteropServices;

namespace PoleKnowledge.SearchBench;

/// <summary>
/// CPU time of the calling thread (Linux <c>getrusage(RUSAGE_THREAD)</c>, microseconds): unlike wall time it does
/// not grow when other processes share the cores, so a profile taken on a busy machine still compares changes.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int RusageThread = 1;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageThread, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000d + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        // The rest of struct rusage (14 longs): unused.
        private readonly long _maxrss, _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }
}
