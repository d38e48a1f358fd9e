using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StreamLint.MicroBenchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/StreamLint.MicroBenchmarks -- --filter '*'</c> (BenchmarkDotNet's default
    /// job and statistics, markdown and JSON exporters). <c>--quick</c> runs a short in-process job (3 warm-ups, 3
    /// iterations) for a smoke run; any other BenchmarkDotNet option passes through.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            IConfig config = DefaultConfig.Instance
                .AddExporter(MarkdownExporter.GitHub)
                .AddExporter(JsonExporter.Full)
                .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(64)); // whole analyzer names
            if (args.Contains("--quick"))
            {
                args = args.Where(a => a != "--quick").ToArray();
                config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"));
            }

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
    }
}
