using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// Small runs of every Mine.MLNet operation that reaches libtorch (each bound of EstimateMutualInformation, Ranking,
    /// Shapley and Joint selection, the information-bottleneck trainer with each encoder), each reduced to a fingerprint of
    /// the numbers it returns, so runs with and without garbage-collection pressure can be compared exactly.
    /// Shared by the stress test and the benchmark program's soak.
    /// </summary>
    public static class ReliabilityWorkload
    {
        /// <summary>The operations, by name.</summary>
        public static readonly IReadOnlyList<string> Operations = new[]
        {
            "Estimate DonskerVaradhan", "Estimate Nwj", "Estimate InfoNce", "Estimate Smile",
            "Select Ranking", "Select Shapley", "Select Joint",
            "InformationBottleneck Gaussian", "InformationBottleneck Additive", "InformationBottleneck Propagated",
        };

        /// <summary>Runs operation <paramref name="name"/> with <paramref name="seed"/> and returns its fingerprint.</summary>
        public static double[] Run(string name, int seed)
        {
            var context = new MLContext(seed: seed);
            string[] words = name.Split(' ');
            return words[0] switch
            {
                "Estimate" => Estimate(context, Enum.Parse<MineBound>(words[1]), seed),
                "Select" => Select(context, Enum.Parse<SelectionStrategy>(words[1]), seed),
                "InformationBottleneck" => Train(context, Enum.Parse<BottleneckEncoder>(words[1]), seed),
                _ => throw new ArgumentException($"Unknown operation '{name}'.", nameof(name)),
            };
        }

        private static MineOptions Mine(int seed) => new MineOptions
        {
            Seed = seed,
            HiddenLayerSizes = new[] { 32, 32 },
            BatchSize = 64,
            MaxSteps = 200,
            EvaluationInterval = 50,
        };

        private static double[] Estimate(MLContext context, MineBound bound, int seed)
        {
            MineOptions options = Mine(seed);
            options.Bound = bound;
            IDataView data = CorrelatedGaussians.Load(context, rows: 2000, dimensions: 2, rho: 0.8, seed: seed);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options);
            return new[] { estimate.Nats, estimate.StandardError, estimate.Steps }
                .Concat(estimate.ValidationCurve.Select(p => p.Nats)).ToArray();
        }

        private static double[] Select(MLContext context, SelectionStrategy strategy, int seed)
        {
            MineOptions options = Mine(seed);
            options.MaxSteps = strategy == SelectionStrategy.Ranking ? 200 : 100;
            IDataView data = context.Data.LoadFromEnumerable(SelectionRows(2000, seed));
            var selector = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = nameof(SelectionRow.Label),
                InputColumnNames = new[] { nameof(SelectionRow.Signal), nameof(SelectionRow.Weak), nameof(SelectionRow.Noise) },
                FeaturesToKeep = 2,
                Strategy = strategy,
                Mine = options,
            }).Fit(data);
            return selector.Ranking.SelectMany(e => new[] { e.MutualInformation, e.StandardError, e.Rank, e.Selected ? 1 : 0 }).ToArray();
        }

        private static double[] Train(MLContext context, BottleneckEncoder encoder, int seed)
        {
            IDataView training = GaussianClassesData.Load(context, GaussianClassesData.Rows(600, seed));
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(new InformationBottleneckOptions
            {
                Encoder = encoder,
                EncoderHiddenLayerSizes = new[] { 16 },
                BottleneckSize = 4,
                StatisticsNetworkHiddenLayerSizes = new[] { 16 },
                NumberOfEpochs = 3,
                BatchSize = 50,
                LearningRate = 3e-3,
                Seed = seed,
            }).Fit(training);
            using (model)
            {
                float[] scores = model.Transform(training).GetColumn<float[]>("Score").Take(20).SelectMany(s => s).ToArray();
                return model.History.SelectMany(e => new[] { e.Loss, e.MutualInformation, e.ValidationAccuracy.Value })
                    .Append(model.MutualInformation).Concat(scores.Select(s => (double)s)).ToArray();
            }
        }

        /// <summary>Label = Signal + noise; Weak is a noisier copy of the signal; Noise is independent.</summary>
        private static IEnumerable<SelectionRow> SelectionRows(int rows, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < rows; i++)
            {
                double signal = CorrelatedGaussians.Normal(random);
                yield return new SelectionRow
                {
                    Signal = (float)signal,
                    Weak = (float)(signal + 2 * CorrelatedGaussians.Normal(random)),
                    Noise = (float)CorrelatedGaussians.Normal(random),
                    Label = (float)(signal + 0.5 * CorrelatedGaussians.Normal(random)),
                };
            }
        }

        /// <summary>One row of the selection data.</summary>
        public sealed class SelectionRow
        {
            /// <summary>The informative feature.</summary>
            public float Signal { get; set; }

            /// <summary>A weakly informative feature.</summary>
            public float Weak { get; set; }

            /// <summary>An independent feature.</summary>
            public float Noise { get; set; }

            /// <summary>The numeric label.</summary>
            public float Label { get; set; }
        }
    }
}
