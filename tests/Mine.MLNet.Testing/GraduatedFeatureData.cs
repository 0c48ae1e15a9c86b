using System;
using System.Globalization;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A Gaussian regression target Y and features of known mutual information with it:
    /// A = 0.9 Y + noise (Single), B = 0.6 Y + noise (Double), C = 0.3 Y + noise (Single), each with
    /// I = -1/2 ln(1 - rho^2) nats, and D, an independent coin (Boolean, I = 0).
    /// </summary>
    public static class GraduatedFeatureData
    {
        /// <summary>The input columns, most informative first.</summary>
        public static readonly string[] Inputs = { "A", "B", "C", "D" };

        /// <summary>Each input's correlation with Y (D: none).</summary>
        public static readonly double[] Rhos = { 0.9, 0.6, 0.3, 0.0 };

        /// <summary>The true I(input; Y) in nats, in the order of <see cref="Inputs"/>.</summary>
        public static double Truth(int input) => -0.5 * Math.Log(1 - Rhos[input] * Rhos[input]);

        /// <summary>Writes a CSV with header A,B,C,D,Y.</summary>
        public static void WriteCsv(string path, int rows, int seed)
        {
            var random = new Random(seed);
            using var writer = new StreamWriter(path);
            writer.WriteLine("A,B,C,D,Y");
            for (int r = 0; r < rows; r++)
            {
                double y = CorrelatedGaussians.Normal(random);
                string Feature(double rho) => (rho * y + Math.Sqrt(1 - rho * rho) * CorrelatedGaussians.Normal(random)).ToString("R", CultureInfo.InvariantCulture);
                writer.WriteLine($"{Feature(0.9)},{Feature(0.6)},{Feature(0.3)},{(random.Next(2) == 1 ? "true" : "false")},{y.ToString("R", CultureInfo.InvariantCulture)}");
            }
        }

        /// <summary>Loads a file written by <see cref="WriteCsv"/> with the documented column types.</summary>
        public static IDataView Load(MLContext context, string path)
            => context.Data.LoadFromTextFile(path, new[]
            {
                new TextLoader.Column("A", DataKind.Single, 0),
                new TextLoader.Column("B", DataKind.Double, 1),
                new TextLoader.Column("C", DataKind.Single, 2),
                new TextLoader.Column("D", DataKind.Boolean, 3),
                new TextLoader.Column("Y", DataKind.Single, 4),
            }, separatorChar: ',', hasHeader: true);
    }
}
