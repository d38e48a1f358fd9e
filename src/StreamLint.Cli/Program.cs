using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;

namespace StreamLint.Cli
{
    /// <summary>
    /// <c>streamlint plan &lt;path&gt; [--format text|markdown|json] [--fail-on warning|error] [--output file]</c>.
    /// Exit codes: see <see cref="ExitCodes"/> and docs/plan.md.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help")
            {
                Console.Out.Write(Usage);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
            }

            if (args[0] is "--version")
            {
                Console.Out.WriteLine(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");
                return ExitCodes.Ok;
            }

            if (args[0] != "plan")
            {
                return Fail(ExitCodes.Usage, $"unknown command '{args[0]}' (expected: plan)");
            }

            PlanOptions? options = PlanOptions.Parse(args.Skip(1).ToArray(), out string? error);
            if (options is null)
            {
                return Fail(ExitCodes.Usage, error!);
            }

            // Locate the SDK's MSBuild before any type of Microsoft.Build is loaded (PlanCommand uses it).
            if (!MSBuildLocator.IsRegistered)
            {
                try
                {
                    MSBuildLocator.RegisterDefaults();
                }
                catch (InvalidOperationException e)
                {
                    return Fail(ExitCodes.LoadFailed, "no .NET SDK found to load projects with: " + e.Message);
                }
            }

            return await PlanCommand.RunAsync(options, CancellationToken.None).ConfigureAwait(false);
        }

        internal static int Fail(int code, string message)
        {
            Console.Error.WriteLine("streamlint: " + message);
            return code;
        }

        private const string Usage =
            "usage: streamlint plan <project.csproj | solution.sln(x) | directory> [--format text|markdown|json] [--fail-on warning|error] [--output file]\n" +
            "exit codes: 0 ok, 1 diagnostics at or above --fail-on, 2 bad arguments or path, 3 project does not load or compile, 4 no streaming code\n";
    }

    /// <summary>The tool's exit codes (documented in docs/plan.md).</summary>
    public static class ExitCodes
    {
        public const int Ok = 0;
        public const int DiagnosticsAtFailOn = 1;
        public const int Usage = 2;
        public const int LoadFailed = 3;
        public const int NoStreamingCode = 4;
    }

    internal sealed class PlanOptions
    {
        public string Path { get; private set; } = string.Empty;

        public string Format { get; private set; } = "text";

        public string? FailOn { get; private set; }

        public string? Output { get; private set; }

        public static PlanOptions? Parse(string[] args, out string? error)
        {
            var options = new PlanOptions();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                string? Next()
                {
                    return i + 1 < args.Length ? args[++i] : null;
                }

                switch (arg)
                {
                    case "--format" or "-f":
                        string? format = Next();
                        if (format is not ("text" or "markdown" or "json"))
                        {
                            error = "--format takes text, markdown or json";
                            return null;
                        }

                        options.Format = format;
                        break;
                    case "--fail-on":
                        string? failOn = Next();
                        if (failOn is not ("warning" or "error"))
                        {
                            error = "--fail-on takes warning or error";
                            return null;
                        }

                        options.FailOn = failOn;
                        break;
                    case "--output" or "-o":
                        options.Output = Next();
                        if (options.Output is null)
                        {
                            error = "--output takes a file";
                            return null;
                        }

                        break;
                    default:
                        if (arg.StartsWith("-", StringComparison.Ordinal) || options.Path.Length > 0)
                        {
                            error = $"unexpected argument '{arg}'";
                            return null;
                        }

                        options.Path = arg;
                        break;
                }
            }

            if (options.Path.Length == 0)
            {
                error = "plan needs a project, solution or directory";
                return null;
            }

            return options;
        }
    }
}
