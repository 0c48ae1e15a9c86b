using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// y = (x1 * x2 &gt; 0) with x1, x2 independent standard Gaussians, plus independent Gaussian noise columns.
    /// x1 and x2 each carry no information about y (I(x1; y) = I(x2; y) = 0) but together determine it
    /// (I(x1, x2; y) = ln 2 nats): the case univariate selectors cannot see.
    /// </summary>
    public static class XorData
    {
        /// <summary>The input column names: X1, X2, then N1..N<paramref name="noiseColumns"/>.</summary>
        public static string[] InputColumns(int noiseColumns)
            => new[] { "X1", "X2" }.Concat(Enumerable.Range(1, noiseColumns).Select(i => "N" + i)).ToArray();

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
                var values = new double[2 + noiseColumns];
                for (int i = 0; i < values.Length; i++)
                    values[i] = CorrelatedGaussians.Normal(random);
                yield return (values, values[0] * values[1] > 0);
            }
        }
    }
}
