using System;
using System.Linq;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// Guyon's generator behind the NIPS 2003 feature-selection challenge's Madelon (the algorithm of scikit-learn's
    /// <c>make_classification</c>, written here with its own seed): two classes, each a union of clusters of a few
    /// informative dimensions placed on the vertices of a hypercube, so that the label depends on how the informative
    /// dimensions combine rather than on any one of them; redundant dimensions are random linear combinations of the
    /// informative ones, and the rest are noise. 1% of the labels are flipped.
    /// </summary>
    public static class MadelonData
    {
        /// <summary>A drawn table: rows of features, 0/1 labels, the column names, and which columns carry the signal.</summary>
        /// <param name="Features">The rows.</param>
        /// <param name="Labels">The classes, 0 or 1.</param>
        /// <param name="Names">Column names: "f0", "f1", ... in the shuffled column order.</param>
        /// <param name="Informative">The names of the informative columns.</param>
        /// <param name="Redundant">The names of the redundant columns (linear combinations of the informative ones).</param>
        public sealed record Table(float[][] Features, int[] Labels, string[] Names, string[] Informative, string[] Redundant);

        /// <summary>
        /// <paramref name="rows"/> rows of <paramref name="columns"/> columns, <paramref name="informative"/> informative and
        /// <paramref name="redundant"/> redundant, with <paramref name="clustersPerClass"/> clusters per class (at most
        /// 2^informative / 2), class separation 1 (the hypercube's half side), columns in a seeded random order.
        /// </summary>
        public static Table Draw(int rows, int columns, int informative, int redundant, int clustersPerClass, int seed)
        {
            if (informative + redundant > columns)
                throw new ArgumentOutOfRangeException(nameof(columns), "informative + redundant columns exceed the columns");
            int clusters = 2 * clustersPerClass;
            if (clusters > 1 << informative)
                throw new ArgumentOutOfRangeException(nameof(clustersPerClass), "more clusters than the hypercube has vertices");
            var random = new Random(seed);
            double Normal() => CorrelatedGaussians.Normal(random);

            // Distinct vertices of the hypercube {-1, 1}^informative, one per cluster; cluster k belongs to class k % 2.
            int[] vertices = Enumerable.Range(0, 1 << informative).OrderBy(_ => random.Next()).Take(clusters).ToArray();
            // Each cluster gets its own random linear map of standard normal points (a random covariance).
            var covariances = new double[clusters][,];
            for (int k = 0; k < clusters; k++)
            {
                covariances[k] = new double[informative, informative];
                for (int a = 0; a < informative; a++)
                    for (int b = 0; b < informative; b++)
                        covariances[k][a, b] = 2 * random.NextDouble() - 1;
            }
            var combinations = new double[informative, redundant];
            for (int a = 0; a < informative; a++)
                for (int b = 0; b < redundant; b++)
                    combinations[a, b] = 2 * random.NextDouble() - 1;

            var table = new double[rows][];
            var labels = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                int k = i % clusters;
                labels[i] = k % 2;
                var z = new double[informative];
                for (int a = 0; a < informative; a++)
                    z[a] = Normal();
                var row = new double[columns];
                for (int a = 0; a < informative; a++)
                {
                    double v = (vertices[k] >> a & 1) == 1 ? 1 : -1;
                    for (int b = 0; b < informative; b++)
                        v += z[b] * covariances[k][b, a];
                    row[a] = v;
                }
                for (int b = 0; b < redundant; b++)
                {
                    double v = 0;
                    for (int a = 0; a < informative; a++)
                        v += row[a] * combinations[a, b];
                    row[informative + b] = v;
                }
                for (int j = informative + redundant; j < columns; j++)
                    row[j] = Normal();
                if (random.NextDouble() < 0.01)
                    labels[i] = random.Next(2);
                table[i] = row;
            }

            // Shuffle the rows and the columns, as make_classification does.
            int[] rowOrder = Enumerable.Range(0, rows).OrderBy(_ => random.Next()).ToArray();
            int[] columnOrder = Enumerable.Range(0, columns).OrderBy(_ => random.Next()).ToArray();
            var features = new float[rows][];
            var shuffledLabels = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                features[i] = columnOrder.Select(j => (float)table[rowOrder[i]][j]).ToArray();
                shuffledLabels[i] = labels[rowOrder[i]];
            }
            string[] names = Enumerable.Range(0, columns).Select(j => "f" + j).ToArray();
            string[] informativeNames = Enumerable.Range(0, columns).Where(j => columnOrder[j] < informative).Select(j => names[j]).ToArray();
            string[] redundantNames = Enumerable.Range(0, columns).Where(j => columnOrder[j] >= informative && columnOrder[j] < informative + redundant)
                .Select(j => names[j]).ToArray();
            return new Table(features, shuffledLabels, names, informativeNames, redundantNames);
        }
    }
}
