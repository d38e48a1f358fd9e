using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// What the machine's CPUs did, from the first line of /proc/stat. The load average cannot say whether a machine
    /// is quiet while the benchmark itself builds (its own builds put two or more tasks on the run queue); these counters
    /// can: how idle the machine is between builds, and how much time the hypervisor took away (steal) during one.
    /// </summary>
    internal readonly record struct HostCpu(long Busy, long Idle, long Steal)
    {
        private const double QuietIdleShare = 0.95;
        private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxQuietWait = TimeSpan.FromSeconds(30);

        private long Total => this.Busy + this.Idle + this.Steal;

        /// <summary>The counters now, or null where /proc/stat is not readable (not Linux).</summary>
        public static HostCpu? Read()
        {
            try
            {
                using var reader = new StreamReader("/proc/stat");
                string? line = reader.ReadLine();
                if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
                {
                    return null;
                }

                // user nice system idle iowait irq softirq steal [guest guest_nice, already inside user and nice]
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                long Field(int i) => i < f.Length ? long.Parse(f[i], CultureInfo.InvariantCulture) : 0;
                long busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
                return new HostCpu(busy, Field(4) + Field(5), Field(8));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                return null;
            }
        }

        /// <summary>The share of all CPU time between two readings that the hypervisor gave to others.</summary>
        public static double? StealShare(HostCpu? before, HostCpu? after) => Share(before, after, static c => c.Steal);

        /// <summary>The share of all CPU time between two readings that was idle.</summary>
        public static double? IdleShare(HostCpu? before, HostCpu? after) => Share(before, after, static c => c.Idle);

        private static double? Share(HostCpu? before, HostCpu? after, Func<HostCpu, long> part) =>
            before is { } b && after is { } a && a.Total > b.Total ? (double)(part(a) - part(b)) / (a.Total - b.Total) : null;

        /// <summary>
        /// Waits until the machine has been at least 95 % idle over one second (the compiler server and MSBuild have
        /// finished what the last build left them, and nothing else runs), at most 30 s. Returns how long it waited and
        /// the idle share of the last window, so the report can show a build that started on a busy machine.
        /// </summary>
        public static async Task<(TimeSpan Waited, double? IdleShare)> WaitForQuietAsync()
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                HostCpu? before = Read();
                await Task.Delay(QuietWindow).ConfigureAwait(false);
                double? idle = IdleShare(before, Read());
                if (idle is null || idle >= QuietIdleShare || watch.Elapsed >= MaxQuietWait)
                {
                    return (watch.Elapsed, idle);
                }
            }
        }
    }
}
