using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The paper's Figure 1: I(X;Z) between d-dimensional Gaussians with componentwise correlation rho, for
    /// d = 2 and d = 20, by MINE (Donsker-Varadhan), MINE-f (NWJ), the default bound (SMILE) and KSG (k = 3),
    /// with the closed-form truth alongside.
    /// </summary>
    public sealed class Figure1Benchmark
    {
        private static readonly MineBound[] Bounds = { MineBound.DonskerVaradhan, MineBound.Nwj, MineBound.Smile };

        private readonly int rows;
        private readonly int kraskovRows;
        private readonly int maxSteps;
        private readonly double[] rhos;

        public Figure1Benchmark(int rows, int kraskovRows, int maxSteps, double[] rhos)
        {
            this.rows = rows;
            this.kraskovRows = kraskovRows;
            this.maxSteps = maxSteps;
            this.rhos = rhos;
        }

        /// <summary>One (d, rho) point.</summary>
        public sealed record Point(int Dimensions, double Rho, double Truth, double Kraskov, double KraskovSeconds,
            Dictionary<MineBound, MutualInformationEstimate> Mine, Dictionary<MineBound, double> Seconds);

        public List<Point> Run(Action<string> log)
        {
            var points = new List<Point>();
            foreach (int d in new[] { 2, 20 })
            {
                foreach (double rho in rhos)
                {
                    var context = new MLContext(seed: 0);
                    int seed = 1000 * d + (int)Math.Round(rho * 100);
                    IDataView data = CorrelatedGaussians.Load(context, rows, d, rho, seed);
                    var estimates = new Dictionary<MineBound, MutualInformationEstimate>();
                    var seconds = new Dictionary<MineBound, double>();
                    foreach (MineBound bound in Bounds)
                    {
                        var watch = Stopwatch.StartNew();
                        estimates[bound] = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, Options(bound));
                        seconds[bound] = watch.Elapsed.TotalSeconds;
                    }

                    var (x, z) = Arrays(d, rho, seed);
                    var kraskovWatch = Stopwatch.StartNew();
                    double kraskov = KraskovEstimator.Estimate(x, d, z, d);
                    var point = new Point(d, rho, CorrelatedGaussians.TrueMutualInformation(d, rho), kraskov,
                        kraskovWatch.Elapsed.TotalSeconds, estimates, seconds);
                    points.Add(point);
                    log(Format(point));
                }
            }
            return points;
        }

        /// <summary>The options used for every MINE run: defaults, with a larger step budget.</summary>
        public MineOptions Options(MineBound bound) => new MineOptions
        {
            Bound = bound,
            Seed = 0,
            MaxSteps = maxSteps,
            EarlyStoppingPatience = 20,
        };

        public string Markdown(IReadOnlyList<Point> points)
        {
            var s = new StringBuilder();
            s.AppendLine($"| d | rho | truth | MINE (DV) | MINE-f (NWJ) | SMILE (default) | KSG k=3 | DV steps | DV s | NWJ s | SMILE s | KSG s |");
            s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (Point p in points)
            {
                var e = p.Mine;
                s.AppendLine(Invariant($"| {p.Dimensions} | {p.Rho:F2} | {p.Truth:F3} | {Cell(e[MineBound.DonskerVaradhan])} | {Cell(e[MineBound.Nwj])} | {Cell(e[MineBound.Smile])} | {p.Kraskov:F3} | {e[MineBound.DonskerVaradhan].Steps} | {p.Seconds[MineBound.DonskerVaradhan]:F1} | {p.Seconds[MineBound.Nwj]:F1} | {p.Seconds[MineBound.Smile]:F1} | {p.KraskovSeconds:F1} |"));
            }
            return s.ToString();
        }

        /// <summary>Checks the targets and returns one line per target.</summary>
        public IEnumerable<string> Targets(IReadOnlyList<Point> points)
        {
            foreach (MineBound bound in Bounds)
            {
                bool d2 = points.Where(p => p.Dimensions == 2).All(p => Within(p, bound, 0.05));
                bool d20 = points.Where(p => p.Dimensions == 20 && p.Rho <= 0.7).All(p => Within(p, bound, 0.10));
                yield return $"{bound}: within 5% (or 0.05 nats) at d=2: {Verdict(d2)}; within 10% (or 0.05 nats) at d=20 up to rho 0.7: {Verdict(d20)}";
            }
            double highest = points.Where(p => p.Dimensions == 20 && Math.Abs(p.Rho - 0.9) < 1e-9)
                .Select(p => p.Mine[MineBound.Smile].Nats).DefaultIfEmpty(double.NaN).Max();
            yield return double.IsNaN(highest)
                ? "Default bound at d=20, rho=0.9 (truth 16.6): not in this sweep"
                : Invariant($"Default bound at d=20, rho=0.9 (truth 16.6): {highest:F3} nats; at most 18.3: {Verdict(highest <= 18.3)}");
        }

        private static bool Within(Point p, MineBound bound, double fraction)
            => Math.Abs(p.Mine[bound].Nats - p.Truth) <= Math.Max(0.05, fraction * p.Truth);

        private static string Verdict(bool ok) => ok ? "met" : "NOT met";

        private (float[] X, float[] Z) Arrays(int d, double rho, int seed)
        {
            var x = new List<float>();
            var z = new List<float>();
            foreach (CorrelatedGaussians.Row row in CorrelatedGaussians.Sample(kraskovRows, d, rho, seed))
            {
                x.AddRange(row.X);
                z.AddRange(row.Z);
            }
            return (x.ToArray(), z.ToArray());
        }

        private static string Cell(MutualInformationEstimate e) => Invariant($"{e.Nats:F3} ± {e.StandardError:F3}");

        private static string Format(Point p)
            => Invariant($"d={p.Dimensions,2} rho={p.Rho:F2} truth={p.Truth,7:F3} DV={p.Mine[MineBound.DonskerVaradhan].Nats,7:F3} NWJ={p.Mine[MineBound.Nwj].Nats,7:F3} SMILE={p.Mine[MineBound.Smile].Nats,7:F3} KSG={p.Kraskov,7:F3}");

        private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    }
}
