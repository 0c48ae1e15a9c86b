using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// y = (a + b + 0.5 n &gt; 0) with a, b, n independent standard Gaussians; three near-copies a + 0.05 e_i of a and
    /// independent Gaussian noise columns. Every univariate score puts the four a-columns first; what b adds on top of
    /// a is I(b; y | a) = I(a, b; y) - I(a; y) = 0.4539 - 0.1672 = 0.2867 nats (numerical integration over a grid:
    /// I(a; y) = ln 2 - E H(Phi(a / sqrt(1.25))), I(a, b; y) = ln 2 - E H(Phi((a + b) / 0.5))).
    /// </summary>
    public static class RedundantCopiesData
    {
        /// <summary>I(b; y | a) in nats.</summary>
        public const double GainOfBGivenA = 0.2867;

        /// <summary>The a-columns: a and its three near-copies.</summary>
        public static readonly string[] Copies = { "A", "ACopy1", "ACopy2", "ACopy3" };

        /// <summary>The input column names: the a-columns, B, then N1..N<paramref name="noiseColumns"/>.</summary>
        public static string[] InputColumns(int noiseColumns)
            => Copies.Append("B").Concat(Enumerable.Range(1, noiseColumns).Select(i => "N" + i)).ToArray();

        /// <summary>Writes a CSV with a header: the input columns, then the Boolean label Y.</summary>
        public static void WriteCsv(string path, int rows, int noiseColumns, int seed)
            => BooleanLabelCsv.Write(path, InputColumns(noiseColumns), Rows(rows, noiseColumns, seed));

        /// <summary>Loads a file written by <see cref="WriteCsv"/>: Single inputs, a Boolean label Y.</summary>
        public static IDataView Load(MLContext context, string path, int noiseColumns)
            => BooleanLabelCsv.Load(context, path, InputColumns(noiseColumns));

        private static IEnumerable<(double[] Inputs, bool Label)> Rows(int rows, int noiseColumns, int seed)
        {
            var random = new Random(seed);
            for (int r = 0; r < rows; r++)
            {
                var values = new double[5 + noiseColumns];
                double a = CorrelatedGaussians.Normal(random), b = CorrelatedGaussians.Normal(random);
                values[0] = a;
                for (int i = 1; i <= 3; i++)
                    values[i] = a + 0.05 * CorrelatedGaussians.Normal(random);
                values[4] = b;
                for (int i = 5; i < values.Length; i++)
                    values[i] = CorrelatedGaussians.Normal(random);
                yield return (values, a + b + 0.5 * CorrelatedGaussians.Normal(random) > 0);
            }
        }
    }
}
