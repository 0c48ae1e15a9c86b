using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Testing;
using Mine.MLNet.Tests.Estimation;
using Mine.MLNet.Trainers.InformationBottleneck.Training;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// The trainer's cross-fitted cap with the optimal critic of correlated Gaussians, T*(x, z) = log p(x, z) / (p(x) p(z)),
    /// whose Donsker-Varadhan value is the truth I = -ln(1 - rho^2) / 2 = 0.5108 nats at rho 0.8. Like the MNIST statistics
    /// network, its "training" scores include a few memorised own pairs far above the rest (so the highest training score,
    /// the former single cap, is high), and a few held-out rows that T scores just as high with any other row's code.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class CrossFittedScoreCapTests
    {
        private const double Rho = 0.8;
        private const int HalfRows = 2500, Shuffles = 16, TrainingRows = 10000;
        private const float Memorised = 11.5f, Outlying = 11f;

        private static readonly double Truth = -0.5 * Math.Log(1 - Rho * Rho);

        private static double OptimalCritic(double x, double z)
            => Truth - (Rho * Rho * x * x - 2 * Rho * x * z + Rho * Rho * z * z) / (2 * (1 - Rho * Rho));

        /// <summary>T* on training pairs, with 20 of the 10,000 (0.2%) memorised at <see cref="Memorised"/> nats.</summary>
        private static float[] TrainingScores(int seed)
        {
            float[] scores = CorrelatedGaussians.Sample(TrainingRows, 1, Rho, seed: seed).Select(r => (float)OptimalCritic(r.X[0], r.Z[0])).ToArray();
            for (int i = 0; i < 20; i++)
                scores[i * 500] = Memorised;
            return scores;
        }

        /// <summary>One half of the held-out rows; each of <paramref name="outlyingRows"/> rows scores <see cref="Outlying"/> with every other row's code.</summary>
        private static (float[] Joint, MarginalScores Marginal) Half(int seed, int outlyingRows)
        {
            var rows = CorrelatedGaussians.Sample(HalfRows, 1, Rho, seed: seed).ToArray();
            float[] joint = rows.Select(r => (float)OptimalCritic(r.X[0], r.Z[0])).ToArray();
            int[][] permutations = ShuffledPairs.Permutations(HalfRows, Shuffles, new Random(seed));
            float[][] marginal = ShuffledPairs.Scores(permutations, (i, j) => i < outlyingRows ? Outlying : (float)OptimalCritic(rows[i].X[0], rows[j].Z[0]));
            return (joint, MarginalScores.Shuffled(marginal, permutations));
        }

        private static BoundEvaluation AtHighest(float[] training, (float[] Joint, MarginalScores Marginal) half)
            => DonskerVaradhanValue.EvaluateCapped(half.Joint, half.Marginal, training.Max());

        [TestMethod]
        public void CandidatesAreAscendingQuantilesOfTheTrainingScoresEndingAtTheHighest()
        {
            float[] training = TrainingScores(seed: 1);
            double[] candidates = CrossFittedScoreCap.Candidates(training);
            CollectionAssert.AreEqual(candidates.OrderBy(c => c).Distinct().ToArray(), candidates);
            Assert.AreEqual(Memorised, candidates[^1], 1e-6);
            // The median of T* on joint pairs: T* = I - (chi-square-like term) has its median below I but above I - 1.
            Assert.IsTrue(candidates[0] > Truth - 1 && candidates[0] < Truth, $"lowest candidate {candidates[0]}");
        }

        [TestMethod]
        public void OutlyingHeldOutRowsNoLongerDecideTheBound()
        {
            for (int seed = 0; seed < 3; seed++)
            {
                float[] training = TrainingScores(seed + 100);
                var first = Half(seed + 200, outlyingRows: 3);
                var second = Half(seed + 300, outlyingRows: 3);
                // Capped at the highest training score, 3 rows x 16 shuffles of e^11 among 40,000 pairs lift log E_Q[e^T]
                // by about ln(1 + 48 e^11 / 40,000) = 4.7 nats: the bound is far below 0, as on MNIST seed 1.
                Assert.IsLessThan(-3.0, AtHighest(training, first).Nats, $"seed {seed}");
                (BoundEvaluation bound, double firstCap, double secondCap) = CrossFittedScoreCap.Evaluate(CrossFittedScoreCap.Candidates(training), first, second);
                Assert.IsLessThan(Memorised, firstCap, $"seed {seed}");
                Assert.IsLessThan(Memorised, secondCap, $"seed {seed}");
                // A cap among T*'s own quantiles costs the joint term only the pairs above it; sampling error of the two halves
                // together is about 0.02 nats. The value stays a lower bound up to that error.
                Assert.AreEqual(Truth, bound.Nats, 0.06, $"seed {seed}: {bound.Nats} +- {bound.StandardError}, caps {firstCap}, {secondCap}");
                Assert.IsLessThan(Truth + 3 * bound.StandardError, bound.Nats, $"seed {seed}: {bound.Nats} +- {bound.StandardError}");
            }
        }

        [TestMethod]
        public void EachHalfsCapIsChosenOnTheOtherHalf()
        {
            float[] training = TrainingScores(seed: 5);
            var outlying = Half(seed: 6, outlyingRows: 3);
            var clean = Half(seed: 7, outlyingRows: 0);
            (BoundEvaluation bound, double outlyingCap, double cleanCap) = CrossFittedScoreCap.Evaluate(CrossFittedScoreCap.Candidates(training), outlying, clean);
            // The clean half gives its best bound uncapped in effect (every T* score is far below 11.5), so it hands the
            // highest candidate to the outlying half, whose bound that cap cannot rescue: the cap was fixed without it.
            Assert.AreEqual(Memorised, outlyingCap, 1e-6);
            Assert.IsLessThan(Memorised, cleanCap);
            double outlyingValue = AtHighest(training, outlying).Nats, cleanValue = DonskerVaradhanValue.EvaluateCapped(clean.Joint, clean.Marginal, cleanCap).Nats;
            Assert.AreEqual(0.5 * (outlyingValue + cleanValue), bound.Nats, 1e-9);
        }

        [TestMethod]
        public void WithoutOutliersItCostsAlmostNothing()
        {
            for (int seed = 0; seed < 3; seed++)
            {
                float[] training = TrainingScores(seed + 400);
                var first = Half(seed + 500, outlyingRows: 0);
                var second = Half(seed + 600, outlyingRows: 0);
                double highest = 0.5 * (AtHighest(training, first).Nats + AtHighest(training, second).Nats);
                BoundEvaluation bound = CrossFittedScoreCap.Evaluate(CrossFittedScoreCap.Candidates(training), first, second).Bound;
                Assert.AreEqual(highest, bound.Nats, 0.01, $"seed {seed}: cross-fitted {bound.Nats}, at the highest training score {highest}");
                Assert.AreEqual(Truth, bound.Nats, 4 * bound.StandardError, $"seed {seed}: {bound.Nats} +- {bound.StandardError}");
            }
        }
    }
}
