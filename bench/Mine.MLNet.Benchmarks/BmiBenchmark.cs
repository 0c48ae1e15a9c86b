using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mine.MLNet.Testing;
using static System.FormattableString;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The "Beyond Normal" benchmark (Czyz et al., NeurIPS 2023): 40 tasks with known MI, each sampled with several
    /// seeds, z-scored per coordinate as in the paper's protocol, and estimated by EstimateMutualInformation with
    /// default options (and KSG, k = 3, as the classical baseline). A run passes when |ln(estimate / truth)| &lt; ln 1.5.
    /// </summary>
    public sealed class BmiBenchmark
    {
        private static readonly double PassRatio = Math.Log(1.5);

        private readonly int rows;
        private readonly int seeds;
        private readonly int kraskovSeeds;
        private readonly string filter;
        private readonly Action<MineOptions> configure;

        /// <summary>A run of <paramref name="rows"/> rows per sample and <paramref name="seeds"/> seeds per task.</summary>
        public BmiBenchmark(int rows, int seeds, int kraskovSeeds, string filter, Action<MineOptions> configure)
        {
            this.rows = rows;
            this.seeds = seeds;
            this.kraskovSeeds = kraskovSeeds;
            this.filter = filter;
            this.configure = configure;
        }

        /// <summary>One (task, seed) run.</summary>
        public sealed record Run(BmiTask Task, int Seed, MutualInformationEstimate Mine, double Seconds, double? Kraskov)
        {
            /// <summary>|ln(estimate / truth)| &lt; ln 1.5.</summary>
            public bool Passes => Mine.Nats > 0 && Math.Abs(Math.Log(Mine.Nats / Task.Truth)) < PassRatio;

            /// <summary>The truth lies in Nats +- 1.96 StandardError (a two-sided sampling interval, not reported by the API).</summary>
            public bool Covers => Math.Abs(Mine.Nats - Task.Truth) <= 1.959963984540054 * Mine.StandardError;

            /// <summary>The truth is at or above ConfidenceLower (the one-sided 95% statement the API makes).</summary>
            public bool LowerHolds => Mine.ConfidenceLower <= Task.Truth;

            /// <summary>ConfidenceLower is within 25% of the truth, or within 0.05 nats of it (issue 27's bar for a tight lower bound).</summary>
            public bool LowerIsTight => Mine.ConfidenceLower >= 0.75 * Task.Truth || Task.Truth - Mine.ConfidenceLower <= 0.05;

            /// <summary>|estimate - truth| in nats.</summary>
            public double Error => Math.Abs(Mine.Nats - Task.Truth);
        }

        /// <summary>Runs every selected task with every seed.</summary>
        public List<Run> RunAll(Action<string> log)
        {
            var runs = new List<Run>();
            foreach (BmiTask task in BmiTasks.All.Where(t => filter == null || filter.Split('|').Any(f => t.Name.Contains(f, StringComparison.OrdinalIgnoreCase))))
            {
                for (int seed = 0; seed < seeds; seed++)
                {
                    (double[][] x, double[][] y) = task.Sample(rows, seed);
                    float[] xs = BmiSample.ZScored(x), ys = BmiSample.ZScored(y);
                    var context = new MLContext(seed: seed);
                    IDataView data = BmiSample.Load(context, task, xs, ys);
                    var options = new MineOptions { Seed = seed };
                    configure(options);
                    var clock = Stopwatch.StartNew();
                    MutualInformationEstimate mine = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Y" }, options);
                    double seconds = clock.Elapsed.TotalSeconds;
                    double? kraskov = seed < kraskovSeeds ? KraskovEstimator.Estimate(xs, task.XDimensions, ys, task.YDimensions) : null;
                    var run = new Run(task, seed, mine, seconds, kraskov);
                    runs.Add(run);
                    log(Invariant($"{task.Name,-36} seed {seed}: truth {task.Truth:F3}  MINE {mine.Nats:F3} se {mine.StandardError:F4} lower {mine.ConfidenceLower:F3} steps {mine.Steps} {(run.Passes ? "pass" : "MISS")} {(run.LowerHolds ? "lower-holds" : "LOWER-FAILS")} {(run.Covers ? "covers" : "misses")} {seconds:F1}s  KSG {(kraskov.HasValue ? kraskov.Value.ToString("F3") : "-")}"));
                }
            }
            return runs;
        }

        /// <summary>The per-task table and the summary.</summary>
        public static string Markdown(List<Run> runs)
        {
            var s = new StringBuilder();
            var byTask = runs.GroupBy(r => r.Task).ToList();
            int seeds = byTask.Max(g => g.Count());
            s.AppendLine("## Summary\n");
            int solved = byTask.Count(g => Passes(g.Key, g.Average(r => r.Mine.Nats)));
            var kraskovByTask = byTask.Where(g => g.Any(r => r.Kraskov.HasValue)).ToList();
            int kraskovSolved = kraskovByTask.Count(g => Passes(g.Key, g.Where(r => r.Kraskov.HasValue).Average(r => r.Kraskov.Value)));
            s.AppendLine("| | MINE (default options) | KSG (k = 3) |");
            s.AppendLine("|---|---|---|");
            s.AppendLine(Invariant($"| tasks solved (mean of the seeds within a factor 1.5 of the truth) | **{solved} / {byTask.Count}** | {kraskovSolved} / {kraskovByTask.Count} |"));
            s.AppendLine(Invariant($"| runs within a factor 1.5 | {runs.Count(r => r.Passes)} / {runs.Count} | {runs.Count(r => r.Kraskov.HasValue && Passes(r.Task, r.Kraskov.Value))} / {runs.Count(r => r.Kraskov.HasValue)} |"));
            s.AppendLine(Invariant($"| mean absolute error over tasks (of the seeds' mean), nats | **{byTask.Average(g => Math.Abs(g.Average(r => r.Mine.Nats) - g.Key.Truth)):F3}** | {(kraskovByTask.Count > 0 ? kraskovByTask.Average(g => Math.Abs(g.Where(r => r.Kraskov.HasValue).Average(r => r.Kraskov.Value) - g.Key.Truth)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-")} |"));
            s.AppendLine(Invariant($"| mean absolute error over runs, nats | {runs.Average(r => r.Error):F3} | {(runs.Any(r => r.Kraskov.HasValue) ? runs.Where(r => r.Kraskov.HasValue).Average(r => Math.Abs(r.Kraskov.Value - r.Task.Truth)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-")} |"));
            s.AppendLine(Invariant($"| truth at or above ConfidenceLower (one-sided 95% lower confidence bound) | **{runs.Count(r => r.LowerHolds)} / {runs.Count} ({100.0 * runs.Count(r => r.LowerHolds) / runs.Count:F0}%)** | |"));
            s.AppendLine(Invariant($"| ConfidenceLower within 25% (or 0.05 nats) of the truth | {runs.Count(r => r.LowerIsTight)} / {runs.Count} ({100.0 * runs.Count(r => r.LowerIsTight) / runs.Count:F0}%) | |"));
            s.AppendLine(Invariant($"| truth inside Nats +- 1.96 StandardError (two-sided, for comparison; not reported) | {runs.Count(r => r.Covers)} / {runs.Count} ({100.0 * runs.Count(r => r.Covers) / runs.Count:F0}%) | |"));
            s.AppendLine(Invariant($"| MINE seconds per estimate (mean, max) | {runs.Average(r => r.Seconds):F1}, {runs.Max(r => r.Seconds):F1} | |"));
            s.AppendLine();
            s.AppendLine("## Per task\n");
            s.AppendLine($"Estimates in nats, one per seed (seeds 0 to {seeds - 1}); `*` marks a run outside a factor 1.5 of the truth, `!` a run whose lower confidence bound is above the truth, `~` a run whose two-sided sampling interval (Nats +- 1.96 SE) misses the truth.\n");
            s.AppendLine("| task | truth | MINE per seed | MINE mean | solved | lower bound holds | two-sided covers | KSG |");
            s.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var g in byTask)
            {
                double mean = g.Average(r => r.Mine.Nats);
                string perSeed = string.Join(" ", g.Select(r => Invariant($"{r.Mine.Nats:F3}{(r.Passes ? "" : "*")}{(r.LowerHolds ? "" : "!")}{(r.Covers ? "" : "~")}")));
                string kraskov = g.Any(r => r.Kraskov.HasValue) ? Invariant($"{g.Where(r => r.Kraskov.HasValue).Average(r => r.Kraskov.Value):F3}") : "-";
                s.AppendLine(Invariant($"| {g.Key.Name} | {g.Key.Truth:F4} | {perSeed} | {mean:F3} | {(Passes(g.Key, mean) ? "yes" : "**no**")} | {g.Count(r => r.LowerHolds)}/{g.Count()} | {g.Count(r => r.Covers)}/{g.Count()} | {kraskov} |"));
            }
            return s.ToString();
        }

        private static bool Passes(BmiTask task, double estimate) => estimate > 0 && Math.Abs(Math.Log(estimate / task.Truth)) < PassRatio;
    }
}
