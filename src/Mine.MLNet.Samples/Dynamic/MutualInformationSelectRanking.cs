using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Samples.Dynamic
{
    /// <summary>
    /// Sample: <c>mlContext.Transforms.MutualInformationSelect</c> with <see cref="SelectionStrategy.Ranking"/>: one
    /// MINE estimate per feature against the label, all trained as one batched network, best kept.
    /// </summary>
    public static class MutualInformationSelectRanking
    {
        /// <summary>Runs the sample.</summary>
        public static void Example()
        {
            var mlContext = new MLContext(seed: 0);

            // Price depends strongly on Size, weakly on Age, and not at all on Noise1..Noise3.
            IDataView data = mlContext.Data.LoadFromEnumerable(GenerateData(4000));

            var estimator = mlContext.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Features",
                LabelColumnName = "Price",
                InputColumnNames = new[] { "Size", "Age", "Noise1", "Noise2", "Noise3" },
                FeaturesToKeep = 2,
                Strategy = SelectionStrategy.Ranking,
                Mine = new MineOptions { Seed = 0, MaxSteps = 4000 },
            });
            MutualInformationSelectingTransformer model = estimator.Fit(data);

            // Every candidate with its score, error bar and whether it was kept.
            foreach (FeatureRankingEntry entry in model.Ranking)
                Console.WriteLine(entry);

            IDataView selected = model.Transform(data);
            var names = new VBuffer<ReadOnlyMemory<char>>();
            selected.Schema["Features"].GetSlotNames(ref names);
            Console.WriteLine($"Features column: {selected.Schema["Features"].Type} with slots {string.Join(", ", names.DenseValues())}");

            // Expected output (seed 0, x64 CPU):
            //     1. Size 1.1145 ± 0.0494 nats (selected)
            //     2. Age 0.0341 ± 0.0125 nats (selected)
            //     3. Noise3 0.0014 ± 0.0015 nats
            //     4. Noise2 0.0000 ± 0.0011 nats
            //     5. Noise1 0.0000 ± 0.0000 nats
            //   Features column: Vector<Single, 2> with slots Size, Age
        }

        private static IEnumerable<House> GenerateData(int count)
        {
            var random = new Random(3);
            float Gaussian() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            for (int i = 0; i < count; i++)
            {
                float size = Gaussian(), age = Gaussian();
                yield return new House
                {
                    Size = size,
                    Age = age,
                    Noise1 = Gaussian(),
                    Noise2 = Gaussian(),
                    Noise3 = Gaussian(),
                    Price = 2 * size - 0.5f * age + 0.5f * Gaussian(),
                };
            }
        }

        private sealed class House
        {
            public float Size { get; set; }

            public float Age { get; set; }

            public float Noise1 { get; set; }

            public float Noise2 { get; set; }

            public float Noise3 { get; set; }

            public float Price { get; set; }
        }
    }
}
