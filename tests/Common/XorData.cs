using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

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
        {
            var random = new Random(seed);
            using var writer = new StreamWriter(path);
            writer.WriteLine(string.Join(",", InputColumns(noiseColumns)) + ",Y");
            var values = new double[2 + noiseColumns];
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < values.Length; i++)
                    values[i] = CorrelatedGaussians.Normal(random);
                bool y = values[0] * values[1] > 0;
                writer.WriteLine(string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + (y ? "true" : "false"));
            }
        }

        /// <summary>Loads a file written by <see cref="WriteCsv"/>: Single inputs, a Boolean label Y.</summary>
        public static IDataView Load(MLContext context, string path, int noiseColumns)
        {
            var columns = InputColumns(noiseColumns).Select((name, i) => new TextLoader.Column(name, DataKind.Single, i)).ToList();
            columns.Add(new TextLoader.Column("Y", DataKind.Boolean, 2 + noiseColumns));
            return context.Data.LoadFromTextFile(path, columns.ToArray(), separatorChar: ',', hasHeader: true);
        }
    }
}
