using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Samples.Dynamic
{
    /// <summary>
    /// Sample: <c>mlContext.Transforms.MutualInformationSelect</c> with <see cref="SelectionStrategy.Joint"/> on an
    /// XOR label, where each informative feature is useless alone.
    /// </summary>
    public static class MutualInformationSelectJoint
    {
        /// <summary>Runs the sample.</summary>
        public static void Example()
        {
            var mlContext = new MLContext(seed: 0);

            // Label = (X1 * X2 > 0): X1 and X2 each carry no information about it, together all of it
            // (ln 2 = 0.693 nats). Noise holds 8 more independent Gaussians.
            IDataView data = mlContext.Data.LoadFromEnumerable(GenerateData(3000));

            var pipeline = mlContext.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Features",
                LabelColumnName = "Label",
                InputColumnNames = new[] { "X1", "X2", "Noise" },
                FeaturesToKeep = 2,
                Strategy = SelectionStrategy.Joint,
                Mine = new MineOptions { Seed = 0, MaxSteps = 2000, HiddenLayerSizes = new[] { 64, 64 } },
            });
            MutualInformationSelectingTransformer model = pipeline.Fit(data);

            // For Joint, each score is the joint mutual information lost without the candidate, given the others
            // of the subset it was last judged in: what it adds on top of them.
            foreach (FeatureRankingEntry entry in model.Ranking.Take(5))
                Console.WriteLine(entry);

            IDataView selected = model.Transform(data);
            var names = new VBuffer<ReadOnlyMemory<char>>();
            selected.Schema["Features"].GetSlotNames(ref names);
            Console.WriteLine($"Kept slots: {string.Join(", ", names.DenseValues())}");
            float[] first = selected.GetColumn<float[]>("Features").First();
            Console.WriteLine($"First row : [{string.Join(", ", first.Select(v => v.ToString("F3")))}]");

            // Expected output (seed 0, x64 CPU):
            //     1. X1 0.6241 ± 0.0084 nats given 1 other (selected)
            //     2. X2 0.6228 ± 0.0089 nats given 1 other (selected)
            //     3. Noise[7] -0.0012 ± 0.0017 nats given 2 others
            //     4. Noise[3] -0.0013 ± 0.0012 nats given 3 others
            //     5. Noise[4] -0.0022 ± 0.0018 nats given 4 others
            //   Kept slots: X1, X2
            //   First row : [0.661, -1.597]
        }

        private static IEnumerable<DataPoint> GenerateData(int count)
        {
            var random = new Random(0);
            float Gaussian() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            for (int i = 0; i < count; i++)
            {
                float x1 = Gaussian(), x2 = Gaussian();
                yield return new DataPoint
                {
                    X1 = x1,
                    X2 = x2,
                    Noise = Enumerable.Range(0, 8).Select(_ => Gaussian()).ToArray(),
                    Label = x1 * x2 > 0,
                };
            }
        }

        private sealed class DataPoint
        {
            public float X1 { get; set; }

            public float X2 { get; set; }

            [VectorType(8)]
            public float[] Noise { get; set; }

            public bool Label { get; set; }
        }
    }
}
