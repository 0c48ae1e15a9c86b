using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// Training steps per second for batch 512 and hidden layers [100, 100]. Two runs of different lengths
    /// with one evaluation each; their time difference over their step difference isolates the step cost.
    /// </summary>
    public static class ThroughputBenchmark
    {
        private const int ShortRun = 200, LongRun = 1200;

        public static string Run(Action<string> log)
        {
            var s = new StringBuilder();
            s.AppendLine("| bound | d (X and Z each) | batch | hidden | steps/s | ms/step |");
            s.AppendLine("|---|---|---|---|---|---|");
            // Warm-up: the first run pays for loading TorchSharp and JIT compilation.
            var warmUp = new MLContext(seed: 0);
            Time(warmUp, CorrelatedGaussians.Load(warmUp, 2000, 2, 0.5, 1), MineBound.Smile, ShortRun);
            foreach (int d in new[] { 2, 20 })
            {
                foreach (MineBound bound in new[] { MineBound.DonskerVaradhan, MineBound.Smile })
                {
                    var context = new MLContext(seed: 0);
                    IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 10000, d, 0.5, 1));
                    double shortSeconds = Time(context, data, bound, ShortRun);
                    double longSeconds = Time(context, data, bound, LongRun);
                    double perStep = (longSeconds - shortSeconds) / (LongRun - ShortRun);
                    string line = string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | 512 | [100, 100] | {2:F0} | {3:F2} |", bound, d, 1 / perStep, perStep * 1000);
                    s.AppendLine(line);
                    log(line);
                }
            }
            return s.ToString();
        }

        private static double Time(MLContext context, IDataView data, MineBound bound, int steps)
        {
            var options = new MineOptions
            {
                Bound = bound,
                Seed = 0,
                BatchSize = 512,
                MaxSteps = steps,
                EvaluationInterval = steps,
                EarlyStoppingPatience = int.MaxValue,
            };
            var watch = Stopwatch.StartNew();
            context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options);
            return watch.Elapsed.TotalSeconds;
        }
    }
}
