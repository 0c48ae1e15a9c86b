using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>A Beyond Normal task's sample as the benchmark's protocol feeds it to an estimator: each coordinate z-scored, X and Y as vector columns.</summary>
    public static class BmiSample
    {
        /// <summary>Row-major floats, each coordinate z-scored.</summary>
        public static float[] ZScored(double[][] data)
        {
            int n = data.Length, d = data[0].Length;
            var result = new float[n * d];
            for (int j = 0; j < d; j++)
            {
                double mean = 0, squares = 0;
                for (int i = 0; i < n; i++)
                    mean += data[i][j];
                mean /= n;
                for (int i = 0; i < n; i++)
                    squares += (data[i][j] - mean) * (data[i][j] - mean);
                double scale = squares > 0 ? 1 / Math.Sqrt(squares / n) : 1;
                for (int i = 0; i < n; i++)
                    result[i * d + j] = (float)((data[i][j] - mean) * scale);
            }
            return result;
        }

        /// <summary>Z-scored rows <paramref name="x"/> and <paramref name="y"/> of <paramref name="task"/> as columns X and Y.</summary>
        public static IDataView Load(MLContext context, BmiTask task, float[] x, float[] y)
        {
            SchemaDefinition schema = SchemaDefinition.Create(typeof(PairRow));
            schema[nameof(PairRow.X)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, task.XDimensions);
            schema[nameof(PairRow.Y)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, task.YDimensions);
            return context.Data.LoadFromEnumerable(Rows(x, task.XDimensions, y, task.YDimensions), schema);
        }

        /// <summary>A seeded sample of <paramref name="rows"/> rows of <paramref name="task"/>, z-scored, as columns X and Y.</summary>
        public static IDataView Load(MLContext context, BmiTask task, int rows, int seed)
        {
            (double[][] x, double[][] y) = task.Sample(rows, seed);
            return Load(context, task, ZScored(x), ZScored(y));
        }

        private static IEnumerable<PairRow> Rows(float[] x, int dx, float[] y, int dy)
        {
            for (int i = 0; i < x.Length / dx; i++)
                yield return new PairRow { X = x[(i * dx)..((i + 1) * dx)], Y = y[(i * dy)..((i + 1) * dy)] };
        }

        /// <summary>One row: X and Y as vectors.</summary>
        public sealed class PairRow
        {
            /// <summary>The X sample.</summary>
            public float[] X { get; set; }

            /// <summary>The Y sample.</summary>
            public float[] Y { get; set; }
        }
    }
}
