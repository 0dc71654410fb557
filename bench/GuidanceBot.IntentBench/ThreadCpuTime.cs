using System.Runtime.InteropServices;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): what a call cost in computing,
/// leaving out the time the thread waited for a core. Elsewhere it is unavailable and <see cref="Now"/> returns null.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The thread's CPU time in microseconds, or null where the clock is unavailable.</summary>
    public static double? Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1e6 + time.Nanoseconds / 1e3 : null;
}
