using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The information-bottleneck regulariser with and without its floor at zero
    /// (<see cref="InformationBottleneckOptions.PenalizeNegativeBound"/>): on the three-Gaussian-classes table
    /// (10 features), each encoder and beta trained on several seeds both ways, reporting test macro accuracy,
    /// the held-out I(X;Z) estimate and how often the training bound went negative.
    /// </summary>
    public sealed class RegulariserBenchmark
    {
        /// <summary>One encoder, beta and regulariser over every seed.</summary>
        public sealed record Result(BottleneckEncoder Encoder, double Beta, bool PenalizeNegativeBound, double[] Accuracies, double[] Nats,
            int NegativeEpochs, int Epochs, double LowestEpochBound);

        private readonly int seeds;

        public RegulariserBenchmark(int seeds) => this.seeds = seeds;

        public List<Result> Run(Action<string> log)
        {
            var results = new List<Result>();
            foreach (BottleneckEncoder encoder in new[] { BottleneckEncoder.Gaussian, BottleneckEncoder.Additive })
            {
                foreach (double beta in new[] { 0.3, 1.0 })
                {
                    foreach (bool penalizeNegative in new[] { false, true })
                    {
                        Result result = Measure(encoder, beta, penalizeNegative);
                        log(Line(result));
                        results.Add(result);
                    }
                }
            }
            return results;
        }

        public static string Markdown(IEnumerable<Result> results)
        {
            var s = new StringBuilder("| encoder | beta | regulariser | test macro accuracy | held-out I(X;Z) nats | epochs with a negative mean training bound | lowest epoch bound |\n|---|---|---|---|---|---|---|\n");
            foreach (Result r in results)
                s.AppendLine(Line(r));
            return s.ToString();
        }

        private Result Measure(BottleneckEncoder encoder, double beta, bool penalizeNegative)
        {
            var accuracies = new List<double>();
            var nats = new List<double>();
            var epochBounds = new List<double>();
            for (int seed = 0; seed < seeds; seed++)
            {
                var context = new MLContext(seed: seed);
                IDataView training = GaussianClassesData.Load(context, GaussianClassesData.Rows(1200, seed: 3));
                IDataView test = GaussianClassesData.Load(context, GaussianClassesData.Rows(900, seed: 4));
                var options = new InformationBottleneckOptions
                {
                    Encoder = encoder,
                    Beta = beta,
                    PenalizeNegativeBound = penalizeNegative,
                    EncoderHiddenLayerSizes = new[] { 32 },
                    BottleneckSize = 8,
                    StatisticsNetworkHiddenLayerSizes = new[] { 32 },
                    NumberOfEpochs = 12,
                    BatchSize = 50,
                    LearningRate = 3e-3,
                    Seed = seed,
                };
                InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(training);
                accuracies.Add(context.MulticlassClassification.Evaluate(model.Transform(test)).MacroAccuracy);
                nats.Add(model.MutualInformation);
                epochBounds.AddRange(model.History.Select(e => e.MutualInformation));
            }
            return new Result(encoder, beta, penalizeNegative, accuracies.ToArray(), nats.ToArray(),
                epochBounds.Count(b => b < 0), epochBounds.Count, epochBounds.Min());
        }

        private static string Line(Result r)
            => string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | {5} of {6} | {7:F3} |",
                r.Encoder, r.Beta, r.PenalizeNegativeBound ? "beta * bound (eq. 20 as written)" : "beta * max(bound, 0) (default)",
                MeanAndSpread(r.Accuracies), MeanAndSpread(r.Nats), r.NegativeEpochs, r.Epochs, r.LowestEpochBound);

        /// <summary>Mean, then the values themselves (one per seed).</summary>
        private static string MeanAndSpread(double[] values)
            => string.Format(CultureInfo.InvariantCulture, "{0:F3} ({1})", values.Average(), string.Join(", ", values.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))));
    }
}
