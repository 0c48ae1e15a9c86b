using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Small in-memory data sets for the estimation tests.</summary>
    internal static class MineTestData
    {
        /// <summary>Options that keep a test run to a few seconds on two cores.</summary>
        public static MineOptions Fast(MineBound bound = MineBound.Smile) => new MineOptions
        {
            Bound = bound,
            Seed = 11,
            MaxSteps = 600,
            EvaluationInterval = 100,
            // One split: cross-fitting (automatic below 5,000 rows) would train five networks; CrossFittingTests cover it.
            CrossFittingFolds = 1,
        };

        public sealed class MixedRow
        {
            public double A { get; set; }
            public int B { get; set; }
            public bool C { get; set; }
            public float Target { get; set; }
            public string Text { get; set; }
            public float[] Ragged { get; set; }
        }

        /// <summary>
        /// Rows whose Target depends on A, B and C (Double, Int32, Boolean scalars), plus a Text and a
        /// variable-length vector column.
        /// </summary>
        public static IDataView Mixed(MLContext context, int rows, int seed)
        {
            var random = new Random(seed);
            var data = new List<MixedRow>();
            for (int i = 0; i < rows; i++)
            {
                double a = random.NextDouble();
                int b = random.Next(3);
                bool c = random.Next(2) == 1;
                data.Add(new MixedRow
                {
                    A = a,
                    B = b,
                    C = c,
                    Target = (float)(a + b + (c ? 1 : 0) + 0.3 * random.NextDouble()),
                    Text = "t" + b,
                    Ragged = Enumerable.Repeat(1f, 1 + i % 3).ToArray(),
                });
            }
            return context.Data.LoadFromEnumerable(data);
        }
    }
}
