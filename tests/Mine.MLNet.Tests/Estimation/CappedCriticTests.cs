using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>
    /// The Donsker-Varadhan value of min(T, cap) with a fixed, known critic T(x, z) = c x z on correlated Gaussians (rho
    /// 0.5, I = -ln(1 - rho^2) / 2 = 0.1438 nats). Its population value is c rho + ln(1 - c^2) / 2 (E_Q[e^{cxz}] =
    /// (1 - c^2)^(-1/2) for independent standard normals): 0.0796 nats at c = 0.2. The information-bottleneck trainer caps
    /// its statistics network at the highest score of the training rows' own pairs before it scores held-out rows.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class CappedCriticTests
    {
        private const double Rho = 0.5, C = 0.2, Rows = 4000, Shuffles = 4;

        private static readonly double Truth = -0.5 * Math.Log(1 - Rho * Rho);

        private static readonly double CriticValue = C * Rho + 0.5 * Math.Log(1 - C * C);

        private static (float[] Joint, float[][] Marginal, int[][] Permutations, float TrainingMaximum) Scores(int seed)
        {
            var random = new Random(seed);
            var data = CorrelatedGaussians.Sample((int)Rows, 1, Rho, seed: seed).ToArray();
            float[] joint = data.Select(r => (float)(C * r.X[0] * r.Z[0])).ToArray();
            int[][] permutations = ShuffledPairs.Permutations((int)Rows, (int)Shuffles, random);
            float[][] marginal = ShuffledPairs.Scores(permutations, (i, j) => (float)(C * data[i].X[0] * data[j].Z[0]));
            // The cap comes from other rows (the "training" rows): the highest joint score of a fresh sample.
            float trainingMaximum = CorrelatedGaussians.Sample((int)Rows, 1, Rho, seed: seed + 100).Max(r => (float)(C * r.X[0] * r.Z[0]));
            return (joint, marginal, permutations, trainingMaximum);
        }

        [TestMethod]
        public void OneOutlyingMarginalPairNoLongerDecidesTheValue()
        {
            (float[] joint, float[][] marginal, int[][] permutations, float cap) = Scores(seed: 7);
            BoundEvaluation clean = DonskerVaradhanValue.Evaluate(joint, MarginalScores.Shuffled(marginal, permutations), t => t);
            // One pair the critic has never seen anything like, scored 90 nats above the rest (as on MNIST seed 1).
            marginal[2][123] = 90f;
            BoundEvaluation uncapped = DonskerVaradhanValue.Evaluate(joint, MarginalScores.Shuffled(marginal, permutations), t => t);
            BoundEvaluation capped = DonskerVaradhanValue.EvaluateCapped(joint, MarginalScores.Shuffled(marginal, permutations), cap);

            Assert.IsLessThan(-70.0, uncapped.Nats, $"uncapped {uncapped.Nats}: the outlier should dominate log E_Q[e^T]");
            // Capped, the outlier counts as one pair at the cap (a few nats): the value stays near the clean one, within
            // a few standard errors of the critic's population value, and below the truth.
            Assert.AreEqual(clean.Nats, capped.Nats, 0.01, $"clean {clean.Nats}, capped {capped.Nats} (cap {cap})");
            Assert.AreEqual(CriticValue, capped.Nats, 4 * capped.StandardError, $"capped {capped.Nats} +- {capped.StandardError}");
            Assert.IsLessThan(Truth, capped.Nats - 2 * capped.StandardError, $"capped {capped.Nats} +- {capped.StandardError}, truth {Truth}");
        }

        [TestMethod]
        public void ACapAboveEveryJointScoreNeverLowersTheValue()
        {
            // min(T, cap) only lowers marginal terms when no joint score reaches the cap, so the value cannot fall; with a cap
            // below some joint scores it may, which is why the trainer takes the cap from the highest training score. One
            // marginal pair 3 nats above every joint score makes the cap bind, so the value must rise.
            for (int seed = 0; seed < 5; seed++)
            {
                (float[] joint, float[][] marginal, int[][] permutations, _) = Scores(seed);
                double cap = joint.Max();
                marginal[seed % (int)Shuffles][seed] = (float)cap + 3;
                var scores = MarginalScores.Shuffled(marginal, permutations);
                BoundEvaluation uncapped = DonskerVaradhanValue.Evaluate(joint, scores, t => t);
                BoundEvaluation capped = DonskerVaradhanValue.EvaluateCapped(joint, scores, cap);
                Assert.IsGreaterThan(uncapped.Nats, capped.Nats, $"seed {seed}: capped {capped.Nats}, uncapped {uncapped.Nats}");
                Assert.AreEqual(CriticValue, capped.Nats, 4 * capped.StandardError, $"seed {seed}: capped {capped.Nats} +- {capped.StandardError}");
            }
        }
    }
}
