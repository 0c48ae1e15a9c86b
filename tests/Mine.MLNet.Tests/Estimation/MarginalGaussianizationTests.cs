using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Marginal Gaussianisation: normal scores of ranks, ties kept tied, estimates invariant under warps.</summary>
    [TestClass]
    public sealed class MarginalGaussianizationTests
    {
        [TestMethod]
        public void TrainingValuesGetTheNormalScoresOfTheirMidRanksAndTiesStayTied()
        {
            // Column 0: 1..4 in shuffled order; column 1: a binary column with three zeros and one one.
            float[] data = { 3, 0, 1, 1, 4, 0, 2, 0 };
            MarginalGaussianizer map = MarginalGaussianizer.Fit(data, 2, new[] { 0, 1, 2, 3 });
            float[] scores = map.Transform(data, new[] { 0, 1, 2, 3 });
            // Mid-ranks of 1..4 are 1/8, 3/8, 5/8, 7/8: normal scores -1.1503, -0.3186, 0.3186, 1.1503.
            Assert.AreEqual(0.3186, scores[0], 1e-4);
            Assert.AreEqual(-1.1503, scores[2], 1e-4);
            Assert.AreEqual(1.1503, scores[4], 1e-4);
            Assert.AreEqual(-0.3186, scores[6], 1e-4);
            // The three zeros share the mid-rank 1.5/4 (score -0.3186); the one has 3.5/4 (score 1.1503).
            Assert.AreEqual(scores[1], scores[5]);
            Assert.AreEqual(scores[1], scores[7]);
            Assert.AreEqual(-0.3186, scores[1], 1e-4);
            Assert.AreEqual(1.1503, scores[3], 1e-4);
            // Unseen values: between knots the midpoint of their scores, beyond them the outermost score.
            Assert.AreEqual(0.5f * (scores[6] + scores[0]), map.Map(0, 2.5f));
            Assert.AreEqual(scores[2], map.Map(0, -10f));
            Assert.AreEqual(scores[4], map.Map(0, 10f));
        }

        [TestMethod]
        public void AStrictlyIncreasingWarpOfEachColumnLeavesTheEstimateBitForBitUnchanged()
        {
            // exp on X and x^3 + x on Z are strictly increasing and keep distinct floats distinct on this sample.
            List<Pair> plain = Pairs(seed: 5).ToList();
            List<Pair> warped = plain.Select(p => new Pair
            {
                X = Array.ConvertAll(p.X, v => MathF.Exp(v)),
                Z = Array.ConvertAll(p.Z, v => v * v * v + v),
            }).ToList();
            Assert.AreEqual(plain.Count * 2, plain.SelectMany(p => p.X).Distinct().Count(), "the sample must have no ties");
            Assert.AreEqual(plain.Count * 2, warped.SelectMany(p => p.X).Distinct().Count(), "the warp must keep values distinct");

            MutualInformationEstimate a = Estimate(plain, gaussianize: true);
            MutualInformationEstimate b = Estimate(warped, gaussianize: true);
            Assert.AreEqual(a.Nats, b.Nats, 0.0, $"{a} vs {b}");
            Assert.AreEqual(a.StandardError, b.StandardError, 0.0);
            // Without Gaussianisation the network sees the warped values, and the estimate moves.
            Assert.AreNotEqual(Estimate(plain, gaussianize: false).Nats, Estimate(warped, gaussianize: false).Nats);
        }

        private static MutualInformationEstimate Estimate(List<Pair> rows, bool gaussianize)
        {
            var context = new MLContext(seed: 0);
            IDataView data = context.Data.LoadFromEnumerable(rows, CorrelatedGaussians.Schema(2));
            return context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions
            {
                Seed = 3,
                HiddenLayerSizes = new[] { 32, 32 },
                MaxSteps = 300,
                GaussianizeMarginals = gaussianize,
            });
        }

        private static IEnumerable<Pair> Pairs(int seed)
            => CorrelatedGaussians.Sample(2000, 2, 0.7, seed).Select(r => new Pair { X = r.X, Z = r.Z });

        /// <summary>A row with the column names of <see cref="CorrelatedGaussians.Schema"/>.</summary>
        public sealed class Pair
        {
            public float[] X { get; set; }

            public float[] Z { get; set; }
        }
    }
}
