using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// Pairs (X, Z) of d-dimensional standard Gaussians with corr(X_i, Z_j) = delta_ij * rho (the paper's
    /// section 4.1 set-up), whose mutual information is known exactly: I = -d/2 ln(1 - rho^2) nats.
    /// </summary>
    public static class CorrelatedGaussians
    {
        /// <summary>The true mutual information in nats.</summary>
        public static double TrueMutualInformation(int dimensions, double rho) => -0.5 * dimensions * Math.Log(1 - rho * rho);

        /// <summary>An IDataView of <paramref name="rows"/> pairs: columns X and Z, vectors of <paramref name="dimensions"/> Singles.</summary>
        public static IDataView Load(MLContext context, int rows, int dimensions, double rho, int seed)
            => context.Data.LoadFromEnumerable(Sample(rows, dimensions, rho, seed), Schema(dimensions));

        /// <summary>The schema of <see cref="Row"/> with X and Z as vectors of known size.</summary>
        public static SchemaDefinition Schema(int dimensions)
        {
            SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.X)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
            schema[nameof(Row.Z)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
            return schema;
        }

        /// <summary>Draws <paramref name="rows"/> pairs with a seeded generator.</summary>
        public static IEnumerable<Row> Sample(int rows, int dimensions, double rho, int seed)
        {
            var random = new Random(seed);
            double noise = Math.Sqrt(1 - rho * rho);
            for (int r = 0; r < rows; r++)
            {
                var x = new float[dimensions];
                var z = new float[dimensions];
                for (int i = 0; i < dimensions; i++)
                {
                    double a = Normal(random), b = Normal(random);
                    x[i] = (float)a;
                    z[i] = (float)(rho * a + noise * b);
                }
                yield return new Row { X = x, Z = z };
            }
        }

        /// <summary>A standard normal draw (Box-Muller).</summary>
        public static double Normal(Random random)
        {
            double u = 1.0 - random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        /// <summary>One row: X and Z as vector columns of the same length.</summary>
        public sealed class Row
        {
            /// <summary>The X sample.</summary>
            [VectorType]
            public float[] X { get; set; }

            /// <summary>The Z sample.</summary>
            [VectorType]
            public float[] Z { get; set; }
        }
    }
}
