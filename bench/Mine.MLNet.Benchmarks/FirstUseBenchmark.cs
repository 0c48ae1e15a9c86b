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
    /// The two estimates a new user tries first, with default options (only the seed set) at 20,000 rows and three seeds:
    /// a 4-class key label against a 2-d Gaussian mixture (1.0537 nats, within 5% is the goal) and ten pairs of correlated
    /// Gaussians with rho 0.9 (8.30 nats, within 10%), with DonskerVaradhan alone beside the default for the second.
    /// </summary>
    public sealed class FirstUseBenchmark
    {
        private readonly int rows;
        private readonly int[] seeds;

        /// <param name="rows">Rows per sample.</param>
        /// <param name="seeds">Seeds of the data and of the estimate.</param>
        public FirstUseBenchmark(int rows, int[] seeds)
        {
            this.rows = rows;
            this.seeds = seeds;
        }

        /// <summary>One case's estimates, one per seed, and the fraction of the truth it must be within.</summary>
        public sealed record Case(string Name, double Truth, double Tolerance, List<MutualInformationEstimate> Estimates, List<double> Seconds);

        /// <summary>Runs every case on every seed.</summary>
        public List<Case> Run(Action<string> log)
        {
            double highTruth = CorrelatedGaussians.TrueMutualInformation(10, 0.9);
            var cases = new List<Case>
            {
                new("4-class key label, 2-d mixture (default options)", FourClassMixture.Truth, 0.05, new(), new()),
                new("10 pairs, rho 0.9 (default options)", highTruth, 0.10, new(), new()),
                new("10 pairs, rho 0.9 (Bound = DonskerVaradhan)", highTruth, 0.10, new(), new()),
            };
            foreach (int seed in seeds)
            {
                var context = new MLContext(seed: 0);
                Time(cases[0], () => context.Data.EstimateMutualInformation(KeyLabel(context, seed), new[] { "X" }, new[] { "Label" }, new MineOptions { Seed = seed }), log);
                IDataView gaussians = context.Data.Cache(CorrelatedGaussians.Load(context, rows, 10, 0.9, seed));
                Time(cases[1], () => context.Data.EstimateMutualInformation(gaussians, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = seed }), log);
                Time(cases[2], () => context.Data.EstimateMutualInformation(gaussians, new[] { "X" }, new[] { "Z" },
                    new MineOptions { Seed = seed, Bound = MineBound.DonskerVaradhan }), log);
            }
            return cases;
        }

        /// <summary>The mixture with its class as a key column, the way ML.NET makes one (MapValueToKey on the class name).</summary>
        private IDataView KeyLabel(MLContext context, int seed)
        {
            IDataView raw = context.Data.LoadFromEnumerable(FourClassMixture.Draw(rows, seed).Select(r => new MixtureRow { X = r.X, Class = "c" + r.Class }));
            return context.Transforms.Conversion.MapValueToKey("Label", nameof(MixtureRow.Class)).Fit(raw).Transform(raw);
        }

        private static void Time(Case target, Func<MutualInformationEstimate> estimate, Action<string> log)
        {
            var clock = Stopwatch.StartNew();
            MutualInformationEstimate result = estimate();
            target.Estimates.Add(result);
            target.Seconds.Add(clock.Elapsed.TotalSeconds);
            log(Invariant($"{target.Name}: {result} ({clock.Elapsed.TotalSeconds:F1} s)"));
        }

        /// <summary>The table: estimates per seed, their mean and error, whether each is within the goal, the lower bounds and the time.</summary>
        public string Markdown(IEnumerable<Case> cases)
        {
            var s = new StringBuilder();
            s.AppendLine(Invariant($"| case | truth | estimate per seed ({string.Join(", ", seeds)}) | mean | error | within the goal | bound reported | lower confidence bound per seed | seconds per estimate |"));
            s.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (Case c in cases)
            {
                double mean = c.Estimates.Average(e => e.Nats);
                int within = c.Estimates.Count(e => Math.Abs(e.Nats - c.Truth) <= c.Tolerance * c.Truth);
                string bounds = string.Join(", ", c.Estimates.Select(e => e.Bound.ToString()).Distinct());
                s.AppendLine(Invariant($"| {c.Name} | {c.Truth:F4} | {string.Join(" ", c.Estimates.Select(e => Invariant($"{e.Nats:F3}")))} | {mean:F3} | {(mean - c.Truth) / c.Truth:+0.0%;-0.0%} | {within} / {c.Estimates.Count} within {c.Tolerance:P0} | {bounds} | {string.Join(" ", c.Estimates.Select(e => Invariant($"{e.ConfidenceLower:F3}")))} | {c.Seconds.Average():F1} |"));
            }
            return s.ToString();
        }

        private sealed class MixtureRow
        {
            [VectorType(2)]
            public float[] X { get; set; }

            public string Class { get; set; }
        }
    }
}
