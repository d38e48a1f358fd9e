using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// Runs the dotnet CLI for the end-to-end tests: captured output, a timeout that kills the process tree, and an
    /// environment that leaves no build servers behind and keeps the output plain and in English.
    /// </summary>
    internal static class DotnetCli
    {
        /// <summary>How long one dotnet command may run.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>Set by the dotnet CLI (and so by `dotnet test`) to the host that is running it.</summary>
        private static readonly Lazy<string> LazyExecutable = new Lazy<string>(() =>
        {
            string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
            {
                return hostPath;
            }

            string? processPath = Environment.ProcessPath;
            if (processPath is not null && string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return processPath;
            }

            return "dotnet";
        });

        /// <summary>
        /// Variables the parent dotnet process sets for its in-proc MSBuild; a child dotnet must pick its own.
        /// </summary>
        private static readonly string[] InheritedMSBuildVariables =
        {
            "MSBuildExtensionsPath",
            "MSBUILD_EXE_PATH",
            "MSBuildSDKsPath",
            "MSBuildLoadMicrosoftTargetsReadOnly",
            "MSBUILDNOINPROCNODE",
        };

        public static string Executable => LazyExecutable.Value;

        public static async Task<CliResult> RunAsync(
            string workingDirectory,
            IEnumerable<string> arguments,
            IReadOnlyDictionary<string, string>? environment = null,
            TimeSpan? timeout = null)
        {
            var startInfo = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (string name in InheritedMSBuildVariables)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
            startInfo.Environment["UseSharedCompilation"] = "false";
            if (environment is not null)
            {
                foreach (KeyValuePair<string, string> pair in environment)
                {
                    startInfo.Environment[pair.Key] = pair.Value;
                }
            }

            string commandLine = "dotnet " + string.Join(" ", startInfo.ArgumentList.Select(Quote));
            var output = new StringBuilder();
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            object gate = new object();
            var watch = Stopwatch.StartNew();

            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
            process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
            if (!process.Start())
            {
                throw new InvalidOperationException("Could not start " + commandLine);
            }

            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            bool timedOut = false;
            using (var cts = new CancellationTokenSource(timeout ?? DefaultTimeout))
            {
                try
                {
                    await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    timedOut = true;
                    try
                    {
                        process.Kill(entireProcessTree: true);
                    }
                    catch (InvalidOperationException)
                    {
                        // It exited in the meantime.
                    }

                    process.WaitForExit(10_000);
                }
            }

            watch.Stop();
            lock (gate)
            {
                return new CliResult(
                    commandLine,
                    workingDirectory,
                    timedOut ? -1 : process.ExitCode,
                    timedOut,
                    watch.Elapsed,
                    stdout.ToString(),
                    stderr.ToString(),
                    output.ToString());
            }

            void Append(StringBuilder stream, string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    stream.AppendLine(line);
                    output.AppendLine(line);
                }
            }
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\'' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }

    public sealed class CliResult
    {
        public CliResult(string commandLine, string workingDirectory, int exitCode, bool timedOut, TimeSpan duration, string standardOutput, string standardError, string output)
        {
            this.CommandLine = commandLine;
            this.WorkingDirectory = workingDirectory;
            this.ExitCode = exitCode;
            this.TimedOut = timedOut;
            this.Duration = duration;
            this.StandardOutput = standardOutput;
            this.StandardError = standardError;
            this.Output = output;
        }

        public string CommandLine { get; }

        public string WorkingDirectory { get; }

        /// <summary>-1 when the process was killed for running too long.</summary>
        public int ExitCode { get; }

        public bool TimedOut { get; }

        public TimeSpan Duration { get; }

        public string StandardOutput { get; }

        public string StandardError { get; }

        /// <summary>Standard output and standard error, interleaved in the order the lines arrived.</summary>
        public string Output { get; }

        public bool Succeeded => !this.TimedOut && this.ExitCode == 0;

        /// <summary>The command, its outcome and everything it printed: the message for a failed assertion.</summary>
        public string Describe(string? because = null)
        {
            var text = new StringBuilder();
            if (because is not null)
            {
                text.AppendLine(because);
            }

            text.Append("$ ").AppendLine(this.CommandLine)
                .Append("  (in ").Append(this.WorkingDirectory).Append("; ")
                .Append(this.TimedOut ? "TIMED OUT" : "exit code " + this.ExitCode)
                .Append(" after ").Append(this.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(" s)")
                .AppendLine("--- output (stdout + stderr) ---")
                .AppendLine(this.Output)
                .Append("--- end of output ---");
            return text.ToString();
        }

        public override string ToString() => this.Describe();
    }
}
