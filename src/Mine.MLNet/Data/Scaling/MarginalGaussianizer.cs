using System;
using System.Collections.Generic;
using MathNet.Numerics.Distributions;

namespace Mine.MLNet.Data.Scaling
{
    /// <summary>
    /// Marginal Gaussianisation: each dimension is mapped through its empirical CDF on the training rows and then the
    /// standard normal quantile, so every dimension becomes close to N(0, 1) whatever its marginal (heavy tails, warps,
    /// bimodal or uniform columns). Mutual information is invariant under invertible per-dimension maps (Kraskov et
    /// al. 2004, eq. 45), so this changes the difficulty of the estimate, not its target.
    /// </summary>
    /// <remarks>
    /// A training value gets the normal score of its mid-rank, Phi^-1((values below + ties / 2) / n), so tied values
    /// stay tied (a binary column keeps two values). A value between two knots gets the midpoint of their scores, and one
    /// beyond the outermost knots gets the outermost score: the map depends on ranks only, so a strictly increasing
    /// transform of a column leaves the estimate bit for bit unchanged. At most <see cref="MaxKnots"/> knots per dimension keep memory
    /// flat in rows; with more distinct values, knots are spread evenly over the sorted distinct values.
    /// </remarks>
    internal sealed class MarginalGaussianizer : IDimensionScaler
    {
        /// <summary>Knots per dimension at most.</summary>
        public const int MaxKnots = 4096;

        private readonly float[][] knots;
        private readonly float[][] scores;

        private MarginalGaussianizer(float[][] knots, float[][] scores)
        {
            this.knots = knots;
            this.scores = scores;
        }

        /// <summary>Fits the map of every dimension on <paramref name="rows"/> of <paramref name="data"/>.</summary>
        public static MarginalGaussianizer Fit(float[] data, int width, int[] rows)
        {
            var knots = new float[width][];
            var scores = new float[width][];
            var column = new float[rows.Length];
            for (int j = 0; j < width; j++)
            {
                for (int i = 0; i < rows.Length; i++)
                    column[i] = data[(long)rows[i] * width + j];
                Array.Sort(column);
                (knots[j], scores[j]) = Knots(column);
            }
            return new MarginalGaussianizer(knots, scores);
        }

        /// <inheritdoc/>
        public float[] Transform(float[] data, int[] rows)
        {
            int width = knots.Length;
            var result = new float[(long)rows.Length * width];
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < width; j++)
                    result[(long)i * width + j] = Map(j, data[(long)rows[i] * width + j]);
            return result;
        }

        /// <summary>The normal score of <paramref name="value"/> in dimension <paramref name="dimension"/>.</summary>
        public float Map(int dimension, float value)
        {
            float[] x = knots[dimension], s = scores[dimension];
            int at = Array.BinarySearch(x, value);
            if (at >= 0)
                return s[at];
            int above = ~at;
            if (above == 0)
                return s[0];
            if (above == x.Length)
                return s[^1];
            // Between two knots: the midpoint of their scores. It depends on the value's rank among the knots only,
            // so any strictly increasing map of a column gives the same scores on every row, held-out rows included.
            return 0.5f * (s[above - 1] + s[above]);
        }

        private static (float[] Knots, float[] Scores) Knots(float[] sorted)
        {
            int n = sorted.Length;
            var values = new List<float>();
            var midRanks = new List<double>();
            for (int start = 0; start < n;)
            {
                int end = start;
                while (end < n && sorted[end] == sorted[start])
                    end++;
                values.Add(sorted[start]);
                // (values below + ties / 2) / n, strictly inside (0, 1).
                midRanks.Add((start + (end - start) / 2.0) / n);
                start = end;
            }
            int count = values.Count;
            int kept = Math.Min(count, MaxKnots);
            var knots = new float[kept];
            var scores = new float[kept];
            for (int k = 0; k < kept; k++)
            {
                // Evenly spread over the distinct values, first and last always kept.
                int index = kept == 1 ? 0 : (int)Math.Round((double)k * (count - 1) / (kept - 1));
                knots[k] = values[index];
                scores[k] = (float)Normal.InvCDF(0, 1, midRanks[index]);
            }
            return (knots, scores);
        }
    }
}
