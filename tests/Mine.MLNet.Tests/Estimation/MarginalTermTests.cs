using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>
    /// The marginal term E_Q[e^T] with a fixed, known critic (no network): the exact sum over a discrete Z's categories
    /// is what shuffling estimates, and the reported standard error (grouped jackknife over rows and the pairs they
    /// enter) matches the spread of the value over fresh samples.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class MarginalTermTests
    {
        [TestMethod]
        public void TheExactCategoryExpectationIsTheMeanOfTheShuffledOnes()
        {
            // Three categories with unequal frequencies and a critic T(x, c) = sin(x) * (c + 1).
            var random = new Random(1);
            int n = 300;
            int[] category = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5 ? 0 : random.NextDouble() < 0.6 ? 1 : 2).ToArray();
            double[] x = Enumerable.Range(0, n).Select(i => category[i] + CorrelatedGaussians.Normal(random)).ToArray();
            static float T(double x, int c) => (float)(Math.Sin(x) * (c + 1));
            float[][] byCategory = Enumerable.Range(0, 3).Select(c => x.Select(v => T(v, c)).ToArray()).ToArray();
            (double exact, double shift, _) = MarginalScores.ByCategory(byCategory, category).Expectation(t => t, shiftByMax: false);
            Assert.AreEqual(0.0, shift);

            // Shuffles: the mean over random permutations of mean_i e^T(x_i, c_perm(i)) is the exact V-statistic.
            const int shuffles = 4000;
            var values = new double[shuffles];
            for (int s = 0; s < shuffles; s++)
            {
                int[] permutation = Enumerable.Range(0, n).ToArray();
                random.Shuffle(permutation);
                float[] scores = Enumerable.Range(0, n).Select(i => T(x[i], category[permutation[i]])).ToArray();
                values[s] = MarginalScores.Shuffled(new[] { scores }, new[] { permutation }).Expectation(t => t, shiftByMax: false).Mean;
            }
            double mean = values.Average();
            double standardError = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (shuffles - 1) / shuffles);
            Assert.IsGreaterThan(0.0, standardError);
            Assert.AreEqual(exact, mean, 4 * standardError, $"exact {exact}, shuffled mean {mean} +- {standardError}");
        }

        [TestMethod]
        public void TheReportedStandardErrorMatchesTheSpreadOverFreshSamples()
        {
            // A fixed critic T(x, z) = 0.2 x z on correlated Gaussians (rho 0.5; e^T has finite fourth moments under Q only for a factor below 1/4): the Donsker-Varadhan value of each of
            // 400 fresh samples of 500 rows, with 16 shuffles as the estimator uses at that size.
            const int samples = 400, rows = 500, shuffles = 16;
            var values = new double[samples];
            var errors = new double[samples];

            var random = new Random(2);
            for (int s = 0; s < samples; s++)
            {
                var data = CorrelatedGaussians.Sample(rows, 1, 0.5, seed: 1000 + s).ToArray();
                float[] joint = data.Select(r => 0.2f * r.X[0] * r.Z[0]).ToArray();
                int[][] permutations = ShuffledPairs.Permutations(rows, shuffles, random);
                float[][] marginal = ShuffledPairs.Scores(permutations, (i, j) => 0.2f * data[i].X[0] * data[j].Z[0]);
                BoundEvaluation value = DonskerVaradhanValue.Evaluate(joint, MarginalScores.Shuffled(marginal, permutations), t => t);
                values[s] = value.Nats;
                errors[s] = value.StandardError;

            }
            AssertCalibrated(values, errors);

        }

        [TestMethod]
        public void TheExactCategoryStandardErrorMatchesTheSpreadOverFreshSamples()
        {
            // z uniform over {0, 1, 2}, x ~ N(z, 1), a fixed critic T(x, c) = 0.3 x (c - 1): 400 fresh samples of 500 rows.
            const int samples = 400, rows = 500;
            var values = new double[samples];
            var errors = new double[samples];
            for (int s = 0; s < samples; s++)
            {
                var random = new Random(3000 + s);
                int[] category = Enumerable.Range(0, rows).Select(_ => random.Next(3)).ToArray();
                double[] x = category.Select(c => c + CorrelatedGaussians.Normal(random)).ToArray();
                float[][] byCategory = Enumerable.Range(0, 3).Select(c => x.Select(v => (float)(0.3 * v * (c - 1))).ToArray()).ToArray();
                float[] joint = Enumerable.Range(0, rows).Select(i => byCategory[category[i]][i]).ToArray();
                BoundEvaluation value = DonskerVaradhanValue.Evaluate(joint, MarginalScores.ByCategory(byCategory, category), t => t);
                values[s] = value.Nats;
                errors[s] = value.StandardError;
            }
            AssertCalibrated(values, errors);
        }

        [TestMethod]
        public void ThePairedStandardErrorOfADifferenceMatchesItsSpreadOverFreshSamples()
        {
            // Two fixed critics, T_a = 0.2 x z and T_b = 0.15 x z, scored on the same rows and the same shuffles (as the
            // networks of a Joint round are): 400 fresh samples of 500 rows of correlated Gaussians (rho 0.5).
            const int samples = 400, rows = 500, shuffles = 16;
            var differences = new double[samples];
            var paired = new double[samples];
            var quadrature = new double[samples];
            var random = new Random(5);
            for (int s = 0; s < samples; s++)
            {
                var data = CorrelatedGaussians.Sample(rows, 1, 0.5, seed: 5000 + s).ToArray();
                int[][] permutations = ShuffledPairs.Permutations(rows, shuffles, random);
                BoundEvaluation Value(float factor)
                {
                    float[] joint = data.Select(r => factor * r.X[0] * r.Z[0]).ToArray();
                    float[][] marginal = ShuffledPairs.Scores(permutations, (i, j) => factor * data[i].X[0] * data[j].Z[0]);
                    return DonskerVaradhanValue.Evaluate(joint, MarginalScores.Shuffled(marginal, permutations), t => t);
                }
                BoundEvaluation a = Value(0.2f), b = Value(0.15f);
                differences[s] = a.Nats - b.Nats;
                paired[s] = BoundEvaluation.StandardErrorOfDifference(a, b);
                quadrature[s] = Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError);
            }
            // The jackknife variance is biased upwards (Efron-Stein), which shows on a difference whose own variance is
            // small: measured 17% above the spread. Allow 15% below (as for one value) and 30% above: conservative only.
            double mean = differences.Average();
            double spread = Math.Sqrt(differences.Sum(v => (v - mean) * (v - mean)) / (samples - 1));
            double reported = Math.Sqrt(paired.Average(e => e * e));
            Assert.IsTrue(reported > 0.85 * spread && reported < 1.3 * spread, $"spread over samples {spread:F5}, reported standard error {reported:F5}");
            // The two values share most of their noise: errors added in quadrature would overstate the difference's error.
            Assert.IsGreaterThan(3 * Math.Sqrt(paired.Average(e => e * e)), Math.Sqrt(quadrature.Average(e => e * e)));
        }

        [TestMethod]
        public void ThePairedStandardErrorWithExactCategoriesMatchesItsSpreadOverFreshSamples()
        {
            // z uniform over {0, 1, 2}, x ~ N(z, 1); critics 0.3 x (c - 1) and 0.2 x (c - 1) on the same rows.
            const int samples = 400, rows = 500;
            var differences = new double[samples];
            var paired = new double[samples];
            var quadrature = new double[samples];
            for (int s = 0; s < samples; s++)
            {
                var random = new Random(6000 + s);
                int[] category = Enumerable.Range(0, rows).Select(_ => random.Next(3)).ToArray();
                double[] x = category.Select(c => c + CorrelatedGaussians.Normal(random)).ToArray();
                BoundEvaluation Value(double factor)
                {
                    float[][] byCategory = Enumerable.Range(0, 3).Select(c => x.Select(v => (float)(factor * v * (c - 1))).ToArray()).ToArray();
                    float[] joint = Enumerable.Range(0, rows).Select(i => byCategory[category[i]][i]).ToArray();
                    return DonskerVaradhanValue.Evaluate(joint, MarginalScores.ByCategory(byCategory, category), t => t);
                }
                BoundEvaluation a = Value(0.3), b = Value(0.2);
                differences[s] = a.Nats - b.Nats;
                paired[s] = BoundEvaluation.StandardErrorOfDifference(a, b);
                quadrature[s] = Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError);
            }
            AssertCalibrated(differences, paired);
            Assert.IsGreaterThan(3 * Math.Sqrt(paired.Average(e => e * e)), Math.Sqrt(quadrature.Average(e => e * e)));
        }

        [TestMethod]
        public void OneDominantMarginalPairGivesAFiniteStandardErrorOfItsOwnSize()
        {
            // A statistics network that ran away: T = 0 everywhere except one shuffled pair at 5,000 nats, so e^T of that
            // pair is E_Q. Leaving out either of the two groups that pair touches moves log E_Q from about 5,000 to 0;
            // leaving out any other group barely moves it. The jackknife over 20 groups is then sqrt(19/20 * sum of
            // squared deviations) of two values at 0 and eighteen near -5,000 (within log of the pair count, about 7).
            // Subtracting each group's share from the total gave 0 - log(0) and a NaN error here.
            const int rows = 200, shuffles = 4, groups = MarginalScores.JackknifeGroups;
            var random = new Random(4);
            var permutations = new int[shuffles][];
            var marginal = new float[shuffles][];
            for (int p = 0; p < shuffles; p++)
            {
                permutations[p] = Enumerable.Range(0, rows).ToArray();
                random.Shuffle(permutations[p]);
                marginal[p] = new float[rows];
            }
            int dominant = Enumerable.Range(0, rows).First(i => i % groups != permutations[0][i] % groups);
            marginal[0][dominant] = 5000f;

            BoundEvaluation value = DonskerVaradhanValue.Evaluate(new float[rows], MarginalScores.Shuffled(marginal, permutations), t => t);

            double mean = 18 * -5000.0 / groups;
            double expected = Math.Sqrt((groups - 1.0) / groups * (2 * mean * mean + 18 * (mean + 5000) * (mean + 5000)));
            Assert.AreEqual(expected, value.StandardError, 0.01 * expected, $"standard error {value.StandardError}");
            Assert.AreEqual(-5000 + Math.Log(rows * shuffles), value.Nats, 1e-3);
        }

        /// <summary>
        /// The root-mean-square reported standard error equals the spread of the values over fresh samples. With 400
        /// samples the spread itself is known to about 1 / sqrt(2 * 399) = 3.5%; allow 15%.
        /// </summary>
        private static void AssertCalibrated(double[] values, double[] errors)
        {
            double mean = values.Average();
            double spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            double reported = Math.Sqrt(errors.Average(e => e * e));
            Assert.AreEqual(spread, reported, 0.15 * spread, $"spread over samples {spread:F4}, reported standard error {reported:F4}");
        }
    }
}
