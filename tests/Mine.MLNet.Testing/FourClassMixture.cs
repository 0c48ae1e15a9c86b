using System;
using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A class c uniform over 4 and a 2-d point X ~ N(mu_c, I) with means (+-1.5, +-1.5): each coordinate carries one
    /// independent bit, so I(X;C) = 2 (ln 2 - E[H_b(sigmoid(3 x))]) = 1.0537 nats (Monte Carlo, 2M draws).
    /// </summary>
    public static class FourClassMixture
    {
        /// <summary>The mutual information in nats.</summary>
        public const double Truth = 1.0537;

        private static readonly double[][] Means = { new[] { 1.5, 1.5 }, new[] { -1.5, 1.5 }, new[] { 1.5, -1.5 }, new[] { -1.5, -1.5 } };

        /// <summary><paramref name="rows"/> seeded draws: the point and its class, 0 to 3.</summary>
        public static List<(float[] X, int Class)> Draw(int rows, int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, rows).Select(_ =>
            {
                int c = random.Next(4);
                return (new[] { (float)(Means[c][0] + CorrelatedGaussians.Normal(random)), (float)(Means[c][1] + CorrelatedGaussians.Normal(random)) }, c);
            }).ToList();
        }
    }
}
