using System;
using System.Collections.Generic;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A class label C, uniform over K classes, and a 2-D point X ~ N(mu_C, I). I(C;X) has no closed form,
    /// but follows exactly from the known densities: I = E[log p(c|x) - log p(c)], estimated here by Monte
    /// Carlo over many draws.
    /// </summary>
    public static class GaussianMixture
    {
        /// <summary>The class means.</summary>
        public static readonly double[][] Means = { new[] { 0.0, 0.0 }, new[] { 2.0, 0.0 }, new[] { 0.0, 2.0 } };

        /// <summary>One row: the class name and the point.</summary>
        public sealed class Row
        {
            /// <summary>The class, "c0", "c1" or "c2".</summary>
            public string Class { get; set; }

            /// <summary>First coordinate.</summary>
            public float X1 { get; set; }

            /// <summary>Second coordinate.</summary>
            public float X2 { get; set; }
        }

        /// <summary>Draws <paramref name="rows"/> rows with a seeded generator.</summary>
        public static IEnumerable<Row> Sample(int rows, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < rows; i++)
            {
                int c = random.Next(Means.Length);
                yield return new Row
                {
                    Class = "c" + c,
                    X1 = (float)(Means[c][0] + CorrelatedGaussians.Normal(random)),
                    X2 = (float)(Means[c][1] + CorrelatedGaussians.Normal(random)),
                };
            }
        }

        /// <summary>I(C;X) in nats by Monte Carlo over <paramref name="draws"/> draws; also its standard error.</summary>
        public static (double Nats, double StandardError) TrueMutualInformation(int draws, int seed)
        {
            double sum = 0, squares = 0;
            foreach (Row row in Sample(draws, seed))
            {
                int c = row.Class[1] - '0';
                double own = 0, total = 0;
                for (int k = 0; k < Means.Length; k++)
                {
                    double dx = row.X1 - Means[k][0], dy = row.X2 - Means[k][1];
                    double density = Math.Exp(-0.5 * (dx * dx + dy * dy));
                    total += density / Means.Length;
                    if (k == c)
                        own = density;
                }
                // log p(c|x) - log p(c) = log p(x|c) - log p(x).
                double pointwise = Math.Log(own / total);
                sum += pointwise;
                squares += pointwise * pointwise;
            }
            double mean = sum / draws;
            return (mean, Math.Sqrt((squares / draws - mean * mean) / draws));
        }
    }
}
