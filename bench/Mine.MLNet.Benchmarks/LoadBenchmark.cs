using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Mine.MLNet.Samples.FeatureRanking;
using Mine.MLNet.Testing;
using Spectre.Console;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// Calls on a busy machine: the README's main command and a few estimates and fits, each timed quiet and beside 1 and 2
    /// busy processes (CPU-bound loops in child processes), with the automatic thread policy and with a fixed thread
    /// count of one per core (what libtorch did by itself before the policy). The goal is fair share: beside N busy
    /// processes no call takes more than its quiet time x (1 + N) x 1.2.
    /// </summary>
    public sealed class LoadBenchmark
    {
        /// <summary>The goal's allowance on top of a fair share.</summary>
        public const double Allowance = 1.2;

        private readonly int repeats;
        private readonly int[] loads;

        /// <param name="repeats">Runs of each call at each load; the table shows the median.</param>
        /// <param name="loads">Numbers of busy processes, 0 (quiet) included.</param>
        public LoadBenchmark(int repeats, int[] loads)
        {
            this.repeats = repeats;
            this.loads = loads;
        }

        /// <summary>The workloads, by name.</summary>
        public static readonly string[] WorkloadNames = { "readme", "conditional", "estimate-20k", "estimate-2k", "bottleneck" };

        /// <summary>One timed call: what, which thread policy, how many busy processes, and the wall times.</summary>
        public sealed record Timing(string Workload, string Policy, int Busy, List<double> Seconds)
        {
            /// <summary>The median of the runs.</summary>
            public double Median => Seconds.OrderBy(s => s).ElementAt(Seconds.Count / 2);
        }

        /// <summary>Runs every workload under every load and policy, the loads interleaved so that drift hits all alike.</summary>
        public List<Timing> Run(IReadOnlyList<string> workloads, Action<string> log)
        {
            var timings = new List<Timing>();
            var policies = new (string Name, int? Threads)[] { ("automatic", null), ($"fixed {Environment.ProcessorCount} (one per core)", Environment.ProcessorCount) };
            // Warm-up: loading TorchSharp and JIT compilation are paid once, outside the table.
            Call("estimate-2k", null);
            for (int r = 0; r < repeats; r++)
            {
                foreach (int busy in loads)
                {
                    using var spinners = new BusyProcesses(busy);
                    foreach (string workload in workloads)
                    {
                        foreach (var policy in policies)
                        {
                            double seconds = Call(workload, policy.Threads);
                            Timing timing = timings.FirstOrDefault(t => t.Workload == workload && t.Policy == policy.Name && t.Busy == busy);
                            if (timing == null)
                                timings.Add(timing = new Timing(workload, policy.Name, busy, new List<double>()));
                            timing.Seconds.Add(seconds);
                            log(string.Format(CultureInfo.InvariantCulture, "  run {0}, {1} busy, {2}, {3}: {4:F1} s", r + 1, busy, workload, policy.Name, seconds));
                        }
                    }
                }
            }
            return timings;
        }

        /// <summary>The table: one row per workload and policy, the median time at each load and its ratio to the quiet time.</summary>
        public string Markdown(List<Timing> timings)
        {
            var s = new StringBuilder("| call | threads | quiet s |");
            foreach (int busy in loads.Where(b => b > 0))
                s.Append(CultureInfo.InvariantCulture, $" {busy} busy: s (ratio; goal <= {(1 + busy) * Allowance:F1}) |");
            s.Append("\n|---|---|---:|").Append(string.Concat(loads.Where(b => b > 0).Select(_ => "---:|"))).Append('\n');
            foreach (var row in timings.GroupBy(t => (t.Workload, t.Policy)))
            {
                double quiet = row.Single(t => t.Busy == 0).Median;
                s.Append(CultureInfo.InvariantCulture, $"| {Describe(row.Key.Workload)} | {row.Key.Policy} | {quiet:F1} |");
                foreach (Timing t in row.Where(t => t.Busy > 0).OrderBy(t => t.Busy))
                {
                    double ratio = t.Median / quiet;
                    string verdict = ratio <= (1 + t.Busy) * Allowance ? "" : " **over**";
                    s.Append(CultureInfo.InvariantCulture, $" {t.Median:F1} ({ratio:F2}{verdict}) |");
                }
                s.Append('\n');
            }
            return s.ToString();
        }

        /// <summary>What a workload runs.</summary>
        public static string Describe(string workload) => workload switch
        {
            "readme" => "README main command: `rank` (the default strategy, Shapley, keep 5) on Breast Cancer Wisconsin, 569 rows x 30 columns",
            "conditional" => "`rank --strategy Conditional` (one network per subset) on Breast Cancer Wisconsin",
            "estimate-20k" => "EstimateMutualInformation, 20,000 rows, X and Z 2-d Gaussians (one split)",
            "estimate-2k" => "EstimateMutualInformation, 2,000 rows (5 cross-fitted folds)",
            "bottleneck" => "InformationBottleneck, 3,000 rows x 10 features, 3 classes, 5 epochs",
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "Unknown workload."),
        };

        private static double Call(string workload, int? threads)
        {
            var clock = Stopwatch.StartNew();
            switch (workload)
            {
                case "readme":
                    Rank(new FeatureRankingJobOptions().Strategy, threads);
                    break;
                case "conditional":
                    Rank(SelectionStrategy.Conditional, threads);
                    break;
                case "estimate-20k":
                case "estimate-2k":
                {
                    var context = new MLContext(seed: 0);
                    IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, workload == "estimate-20k" ? 20000 : 2000, 2, 0.8, 1));
                    context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 0, NumberOfThreads = threads });
                    break;
                }
                case "bottleneck":
                {
                    var context = new MLContext(seed: 0);
                    IDataView data = context.Data.LoadFromEnumerable(GaussianClassesData.Rows(3000, 1));
                    context.Transforms.Conversion.MapValueToKey("Label", nameof(GaussianClassesData.Row.Class))
                        .Append(context.MulticlassClassification.Trainers.InformationBottleneck(new InformationBottleneckOptions
                        {
                            NumberOfEpochs = 5,
                            Seed = 0,
                            NumberOfThreads = threads,
                        }))
                        .Fit(data);
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(workload), workload, "Unknown workload.");
            }
            return clock.Elapsed.TotalSeconds;
        }

        /// <summary>The README's main command (with <paramref name="strategy"/>), in this process, its console output discarded.</summary>
        private static void Rank(SelectionStrategy strategy, int? threads)
        {
            string output = Path.Combine(Path.GetTempPath(), $"mine-load-{Environment.ProcessId}");
            IAnsiConsole console = AnsiConsole.Console;
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Interactive = InteractionSupport.No });
            try
            {
                int code = FeatureRankingJob.Run(new FeatureRankingJobOptions
                {
                    DataPath = Path.Combine(AppContext.BaseDirectory, "Data", "breast-cancer-wisconsin.csv"),
                    Label = "diagnosis",
                    Strategy = strategy,
                    Keep = 5,
                    Steps = new MineOptions().MaxSteps,
                    Seed = 0,
                    OutputDirectory = output,
                    Threads = threads,
                });
                if (code != 0)
                    throw new InvalidOperationException($"The feature-ranking job exited with {code}.");
            }
            finally
            {
                AnsiConsole.Console = console;
                if (Directory.Exists(output))
                    Directory.Delete(output, recursive: true);
            }
        }

        /// <summary>CPU-bound child processes (this program's hidden <c>spin</c> command), killed when disposed.</summary>
        private sealed class BusyProcesses : IDisposable
        {
            private readonly List<Process> processes = new();

            public BusyProcesses(int count)
            {
                string host = Environment.ProcessPath;
                bool viaDotnet = Path.GetFileNameWithoutExtension(host) == "dotnet";
                for (int i = 0; i < count; i++)
                {
                    var start = new ProcessStartInfo(host) { UseShellExecute = false };
                    if (viaDotnet)
                        start.ArgumentList.Add(typeof(LoadBenchmark).Assembly.Location);
                    start.ArgumentList.Add("spin");
                    processes.Add(Process.Start(start));
                }
                // Let them reach their loops (and the machine's load settle) before the first call.
                System.Threading.Thread.Sleep(count > 0 ? 1500 : 0);
            }

            public void Dispose()
            {
                foreach (Process process in processes)
                {
                    process.Kill();
                    process.WaitForExit();
                    process.Dispose();
                }
            }
        }
    }
}
