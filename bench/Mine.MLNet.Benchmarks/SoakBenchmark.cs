using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The reliability soak: every operation of <see cref="ReliabilityWorkload"/> again and again for a fixed time while
    /// a second thread allocates (<see cref="GarbageChurn"/>), each run compared with its seed's quiet run. Counts
    /// operations completed, failures (exceptions, non-finite numbers) and runs whose numbers differ.
    /// </summary>
    public sealed class SoakBenchmark
    {
        private readonly TimeSpan duration;

        /// <summary>A soak of <paramref name="minutes"/> minutes.</summary>
        public SoakBenchmark(double minutes)
        {
            duration = TimeSpan.FromMinutes(minutes);
        }

        /// <summary>One operation's tally.</summary>
        public sealed class Tally
        {
            /// <summary>The operation.</summary>
            public string Operation { get; init; }

            /// <summary>Runs under churn.</summary>
            public int Runs { get; set; }

            /// <summary>Runs that threw or returned a non-finite number.</summary>
            public int Failures { get; set; }

            /// <summary>Runs that completed with numbers other than the quiet run's.</summary>
            public int Mismatches { get; set; }

            /// <summary>Seconds spent in runs under churn.</summary>
            public double Seconds { get; set; }
        }

        /// <summary>Runs the soak; returns the tallies and the gen-0 collections that ran under churn.</summary>
        public (List<Tally> Tallies, long Collections) Run(Action<string> log)
        {
            const int seed = 11;
            var quiet = ReliabilityWorkload.Operations.ToDictionary(o => o, o => ReliabilityWorkload.Run(o, seed));
            var tallies = ReliabilityWorkload.Operations.Select(o => new Tally { Operation = o }).ToList();
            long collections = 0;
            var clock = Stopwatch.StartNew();
            int round = 0;
            while (clock.Elapsed < duration)
            {
                round++;
                foreach (Tally tally in tallies)
                {
                    var timer = Stopwatch.StartNew();
                    using var churn = new GarbageChurn();
                    try
                    {
                        double[] result = ReliabilityWorkload.Run(tally.Operation, seed);
                        if (!result.All(double.IsFinite))
                            Fail(tally, "a non-finite number", log);
                        else if (!result.SequenceEqual(quiet[tally.Operation]))
                        {
                            tally.Mismatches++;
                            log($"MISMATCH {tally.Operation}: numbers differ from the quiet run");
                        }
                    }
                    catch (Exception e)
                    {
                        Fail(tally, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}", log);
                    }
                    tally.Runs++;
                    tally.Seconds += timer.Elapsed.TotalSeconds;
                    collections += churn.Collections;
                }
                log($"round {round}: {tallies.Sum(t => t.Runs)} runs, {tallies.Sum(t => t.Failures)} failures, " +
                    $"{tallies.Sum(t => t.Mismatches)} mismatches, {collections} collections, {clock.Elapsed.TotalMinutes:F1} min");
            }
            return (tallies, collections);
        }

        /// <summary>The tallies as a Markdown table with a total row.</summary>
        public static string Markdown(List<Tally> tallies, long collections, TimeSpan elapsed)
        {
            var table = new StringBuilder();
            table.AppendLine("| operation | runs under churn | failures | differ from quiet run | seconds per run |");
            table.AppendLine("|---|---|---|---|---|");
            foreach (Tally t in tallies)
                table.AppendLine($"| {t.Operation} | {t.Runs} | {t.Failures} | {t.Mismatches} | {t.Seconds / Math.Max(1, t.Runs):F2} |");
            table.AppendLine($"| **all** | **{tallies.Sum(t => t.Runs)}** | **{tallies.Sum(t => t.Failures)}** | **{tallies.Sum(t => t.Mismatches)}** | |");
            table.AppendLine();
            table.AppendLine($"{elapsed.TotalMinutes:F1} minutes; {collections:N0} gen-0 garbage collections ran during the runs under churn.");
            return table.ToString();
        }

        private static void Fail(Tally tally, string why, Action<string> log)
        {
            tally.Failures++;
            log($"FAILURE {tally.Operation}: {why}");
        }
    }
}
