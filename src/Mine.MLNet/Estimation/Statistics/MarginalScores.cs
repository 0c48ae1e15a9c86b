using System;
using System.Linq;

namespace Mine.MLNet.Estimation.Statistics
{
    /// <summary>
    /// Held-out scores T(x, z) on pairs drawn from the product of marginals Q, in one of two layouts, and the
    /// expectation E_Q[e^h(T)] with each row's first-order influence on it.
    /// </summary>
    /// <remarks>
    /// Both layouts are V-statistics over rows: every pair takes its x from one row and its z from another (or from a
    /// category, whose frequency is counted over rows). To first order (Hoeffding projection) row j moves the mean by
    /// E_z[f(x_j, z)] + E_x[f(x, z_j)] - 2 E_Q[f]: an x-side and a z-side term. A per-row delta method with only the
    /// x-side term leaves out part of each row's influence (each shuffled z is reused up to 16 times).
    /// </remarks>
    internal sealed class MarginalScores
    {
        private readonly float[][] scores;
        private readonly int[][] permutations;
        private readonly int[] categories;

        private MarginalScores(float[][] scores, int[][] permutations, int[] categories)
        {
            this.scores = scores;
            this.permutations = permutations;
            this.categories = categories;
        }

        /// <summary>scores[k][i] = T(x_i, z_perm_k(i)) for K shuffles of z, with their permutations.</summary>
        public static MarginalScores Shuffled(float[][] scores, int[][] permutations) => new(scores, permutations, null);

        /// <summary>
        /// scores[c][i] = T(x_i, c) for every category c of a discrete z, and each row's category: E_Q is then exact,
        /// sum_c p(c) mean_i f(T(x_i, c)), with p(c) the categories' frequencies among the rows.
        /// </summary>
        public static MarginalScores ByCategory(float[][] scores, int[] categories) => new(scores, null, categories);

        /// <summary>
        /// E_Q[e^(h(T) - shift)] and, for the category layout, each row's influence terms E_z[..](x_j) + E_x[..](z_j) on
        /// the same scale (null for shuffled pairs, whose standard error comes from <see cref="Jackknife"/>).
        /// With <paramref name="shiftByMax"/>, shift is the largest h(T), so nothing overflows; otherwise 0.
        /// </summary>
        public (double Mean, double Shift, double[] RowTerms) Expectation(Func<double, double> h, bool shiftByMax)
        {
            double shift = shiftByMax ? scores.Max(row => row.Max(t => h(t))) : 0;
            return categories == null ? ShuffledExpectation(h, shift) : CategoryExpectation(h, shift);
        }

        /// <summary>Groups of the grouped jackknife over held-out rows.</summary>
        public const int JackknifeGroups = 20;

        /// <summary>True for shuffled pairs, whose standard error comes from <see cref="Jackknife"/>.</summary>
        public bool IsShuffled => categories == null;

        /// <summary>
        /// The grouped jackknife of E_P[T] - outer(log E_Q[e^h(T)]) for shuffled pairs, as its leave-one-group-out values
        /// (<see cref="BoundEvaluation.FromJackknife"/> turns them into a standard error): rows fall into
        /// <see cref="JackknifeGroups"/> groups; leaving out one group drops its rows and every marginal pair that uses one
        /// of them (as x or as z), and the spread of the leave-one-group-out values gives the variance. It covers the
        /// x-side and z-side influence of each row and the noise of the shuffles themselves; a per-row delta method
        /// would need E_z and E_x terms estimated from the same few shuffles, each carrying its own shuffle noise.
        /// </summary>
        /// <param name="joint">T on the joint rows.</param>
        /// <param name="h">Applied to each marginal score before the exponential.</param>
        /// <param name="outerOfLogMean">The marginal term as a function of log E_Q[e^h]: the identity for
        /// Donsker-Varadhan, exp for NWJ.</param>
        /// <remarks>
        /// Each leave-one-group-out log-mean-exp is taken over its own pairs, shifted by their own largest h. Subtracting
        /// a group's share from the total instead cancels catastrophically when one pair dominates E_Q (a statistics
        /// network whose scores span thousands of nats): the remainder came out 0 or negative and the error NaN.
        /// </remarks>
        public double[] Jackknife(float[] joint, Func<double, double> h, Func<double, double> outerOfLogMean)
        {
            int n = joint.Length, g = Math.Min(JackknifeGroups, n);
            if (g < 2)
                return Array.Empty<double>();
            var jointSum = new double[g];
            double totalJoint = 0;
            for (int i = 0; i < n; i++)
            {
                jointSum[i % g] += joint[i];
                totalJoint += joint[i];
            }
            // Pairs fall into g x g cells by the groups of their x row and z row; each cell keeps its largest h, the sum
            // of e^(h - largest) and its count, so every leave-one-group-out log-mean-exp combines cells, not pairs.
            var largest = new double[g, g];
            var scaledSum = new double[g, g];
            var count = new int[g, g];
            for (int a = 0; a < g; a++)
                for (int b = 0; b < g; b++)
                    largest[a, b] = double.NegativeInfinity;
            for (int p = 0; p < scores.Length; p++)
            {
                for (int i = 0; i < n; i++)
                {
                    double exponent = h(scores[p][i]);
                    int a = i % g, b = permutations[p][i] % g;
                    count[a, b]++;
                    if (exponent > largest[a, b])
                    {
                        scaledSum[a, b] = scaledSum[a, b] * Math.Exp(largest[a, b] - exponent) + 1;
                        largest[a, b] = exponent;
                    }
                    else
                    {
                        scaledSum[a, b] += Math.Exp(exponent - largest[a, b]);
                    }
                }
            }
            var values = new double[g];
            for (int k = 0; k < g; k++)
            {
                double shift = double.NegativeInfinity;
                int kept = 0;
                for (int a = 0; a < g; a++)
                {
                    for (int b = 0; b < g; b++)
                    {
                        if (a != k && b != k && count[a, b] > 0)
                        {
                            shift = Math.Max(shift, largest[a, b]);
                            kept += count[a, b];
                        }
                    }
                }
                if (kept == 0)
                    return Array.Empty<double>();
                double sum = 0;
                for (int a = 0; a < g; a++)
                    for (int b = 0; b < g; b++)
                        if (a != k && b != k && count[a, b] > 0)
                            sum += scaledSum[a, b] * Math.Exp(largest[a, b] - shift);
                int rows = n / g + (k < n % g ? 1 : 0);
                values[k] = (totalJoint - jointSum[k]) / (n - rows) - outerOfLogMean(shift + Math.Log(sum / kept));
            }
            return values;
        }

        private (double, double, double[]) ShuffledExpectation(Func<double, double> h, double shift)
        {
            int n = scores[0].Length, k = scores.Length;
            double sum = 0;
            for (int p = 0; p < k; p++)
                for (int i = 0; i < n; i++)
                    sum += Math.Exp(h(scores[p][i]) - shift) / k;
            return (sum / n, shift, null);
        }

        private (double, double, double[]) CategoryExpectation(Func<double, double> h, double shift)
        {
            int n = categories.Length, count = scores.Length;
            var frequency = new double[count];
            foreach (int c in categories)
                frequency[c] += 1.0 / n;
            var rowSide = new double[n];
            var categoryMean = new double[count];
            for (int c = 0; c < count; c++)
            {
                for (int i = 0; i < n; i++)
                {
                    double f = Math.Exp(h(scores[c][i]) - shift);
                    rowSide[i] += frequency[c] * f;     // x-side: sum_c p(c) f(x_i, c)
                    categoryMean[c] += f / n;          // z-side: mean_i f(x_i, c)
                }
            }
            double mean = 0;
            for (int c = 0; c < count; c++)
                mean += frequency[c] * categoryMean[c];
            var rowTerms = new double[n];
            for (int j = 0; j < n; j++)
                rowTerms[j] = rowSide[j] + categoryMean[categories[j]];
            return (mean, shift, rowTerms);
        }
    }
}
