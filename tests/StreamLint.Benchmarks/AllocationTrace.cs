using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// What StreamLint allocates in a real build, from the compiler server's own allocation ticks (the runtime samples
    /// one allocation about every 100 KB, with its type and stack). A collection stops every thread of the server and
    /// the analyzer report charges the pause to whatever callback it stops, so the allocations made in StreamLint's
    /// callbacks decide how often StreamLint is caught by one. The trace covers extra warm builds after the measured
    /// ones: the measured builds run untraced.
    /// </summary>
    internal static class AllocationTrace
    {
        private const string Marker = "StreamLint.";

        /// <summary>Traces <paramref name="builds"/> builds through the server of <paramref name="serverPid"/> into <paramref name="tracePath"/>.</summary>
        public static async Task<AllocationReport> TraceAsync(int serverPid, string tracePath, int builds, Func<int, Task> build)
        {
            var client = new DiagnosticsClient(serverPid);
            var providers = new[]
            {
                new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
            };
            using (EventPipeSession session = client.StartEventPipeSession(providers, requestRundown: true))
            {
                Task copy = Task.Run(async () =>
                {
                    using FileStream file = File.Create(tracePath);
                    await session.EventStream.CopyToAsync(file);
                });
                for (int i = 0; i < builds; i++)
                {
                    await build(i);
                }

                session.Stop();
                await copy;
            }

            return Read(tracePath, builds);
        }

        /// <summary>The allocation ticks of a trace: all of them, and those with a StreamLint frame on their stack.</summary>
        public static AllocationReport Read(string tracePath, int builds)
        {
            string etlx = Path.ChangeExtension(tracePath, ".etlx");
            TraceLog.CreateFromEventPipeDataFile(tracePath, etlx, new TraceLogOptions { ContinueOnError = true });
            double total = 0;
            double streamLint = 0;
            var sites = new Dictionary<string, double>(StringComparer.Ordinal);
            using (var log = new TraceLog(etlx))
            {
                foreach (TraceEvent e in log.Events)
                {
                    if (e is not GCAllocationTickTraceData tick)
                    {
                        continue;
                    }

                    double bytes = tick.AllocationAmount64;
                    total += bytes;
                    if (InnermostStreamLintFrame(e.CallStack()) is { } frame)
                    {
                        streamLint += bytes;
                        string site = $"{tick.TypeName} in {frame}";
                        sites[site] = sites.TryGetValue(site, out double sum) ? sum + bytes : bytes;
                    }
                }
            }

            File.Delete(etlx);
            return new AllocationReport(
                builds,
                total,
                streamLint,
                sites.OrderByDescending(s => s.Value).Take(15).Select(s => (s.Key, s.Value)).ToList());
        }

        private static string? InnermostStreamLintFrame(TraceCallStack? stack)
        {
            for (TraceCallStack? frame = stack; frame is not null; frame = frame.Caller)
            {
                string name = frame.CodeAddress.FullMethodName ?? string.Empty;
                if (name.StartsWith(Marker, StringComparison.Ordinal))
                {
                    int parameters = name.IndexOf('(', StringComparison.Ordinal);
                    return (parameters > 0 ? name.Substring(0, parameters) : name).Substring(Marker.Length);
                }
            }

            return null;
        }
    }

    /// <summary>Sampled bytes (each tick stands for the ~100 KB allocated since the one before) over the traced builds.</summary>
    internal sealed record AllocationReport(int Builds, double TotalBytes, double StreamLintBytes, List<(string Site, double Bytes)> TopSites)
    {
        public string Markdown(int size)
        {
            var md = new System.Text.StringBuilder();
            string Mb(double bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
            md.AppendLine(CultureInfo.InvariantCulture, $"Allocations in the compiler server over {this.Builds} traced warm builds of the {size:N0}-line streaming project (allocation ticks, ~100 KB each): {Mb(this.TotalBytes)} MB in all, {Mb(this.StreamLintBytes)} MB under StreamLint's frames ({(this.TotalBytes > 0 ? 100 * this.StreamLintBytes / this.TotalBytes : 0).ToString("0.00", CultureInfo.InvariantCulture)} %), {Mb(this.StreamLintBytes / Math.Max(1, this.Builds))} MB per build.");
            md.AppendLine();
            md.AppendLine("| MB | type, in StreamLint's innermost frame |");
            md.AppendLine("|---:|---|");
            foreach ((string site, double bytes) in this.TopSites)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Mb(bytes)} | `{site.Replace("|", "\\|", StringComparison.Ordinal)}` |");
            }

            return md.ToString();
        }
    }
}
