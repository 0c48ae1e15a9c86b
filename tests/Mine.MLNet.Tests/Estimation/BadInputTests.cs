using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>
    /// Input that used to give a confident wrong answer or run to the end for nothing: infinities, values of wildly
    /// different magnitudes, a diverging bound, a constant side, and a side that is a copy of the other.
    /// </summary>
    [TestClass]
    public sealed class BadInputTests
    {
        /// <summary>rho 0.8 in one dimension: I = -0.5 ln(1 - 0.64) = 0.511 nats.</summary>
        private static readonly double Truth = CorrelatedGaussians.TrueMutualInformation(1, 0.8);

        private static IDataView Pairs(MLContext context, float every20thZ)
        {
            List<CorrelatedGaussians.Row> rows = CorrelatedGaussians.Sample(3000, 1, 0.8, 3).ToList();
            for (int i = 0; i < rows.Count; i += 20)
                rows[i].Z[0] = every20thZ;
            return context.Data.LoadFromEnumerable(rows, CorrelatedGaussians.Schema(1));
        }

        private static MineOptions Options(bool gaussianize) => new MineOptions { Seed = 1, MaxSteps = 1000, GaussianizeMarginals = gaussianize };

        [TestMethod]
        [DataRow(float.PositiveInfinity, false)]
        [DataRow(float.NegativeInfinity, false)]
        [DataRow(float.PositiveInfinity, true)]
        public void InfinitiesAreMissingValuesSkippedAndCounted(float infinity, bool gaussianize)
        {
            var context = new MLContext(seed: 0);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(Pairs(context, infinity), new[] { "X" }, new[] { "Z" }, Options(gaussianize));
            Assert.AreEqual(150, estimate.RowsSkipped, estimate.ToString());
            Assert.AreEqual(2850, estimate.RowsUsed);
            // A lower bound on the clean rows: within 4 standard errors above the truth, and not far below it.
            Assert.IsLessThan(Truth + 4 * estimate.StandardError, estimate.Nats, estimate.ToString());
            Assert.IsGreaterThan(0.8 * Truth, estimate.Nats, estimate.ToString());
        }

        [TestMethod]
        [DataRow(1e30f)]
        [DataRow(float.MaxValue)]
        public void HugeValuesAreRefusedWhenOnlyStandardisedAndRankedWhenGaussianised(float huge)
        {
            var context = new MLContext(seed: 0);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => context.Data.EstimateMutualInformation(Pairs(context, huge), new[] { "X" }, new[] { "Z" }, Options(gaussianize: false)));
            StringAssert.Contains(e.Message, "Column 'Z'");
            StringAssert.Contains(e.Message, "GaussianizeMarginals");
            Assert.IsTrue(e.Data.Contains("ML_IsMarked"), "marked by ML.NET");

            // Marginal Gaussianisation depends on ranks only: the huge values are the largest, nothing more. One row in 20
            // carries a Z unrelated to its X, so the estimate is below the clean truth, but far from 0.
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(Pairs(context, huge), new[] { "X" }, new[] { "Z" }, Options(gaussianize: true));
            Assert.AreEqual(0, estimate.RowsSkipped);
            Assert.IsGreaterThan(0.7 * Truth, estimate.ConfidenceLower, estimate.ToString());
        }

        [TestMethod]
        public void ABoundThatDivergesBeforeAnyMeasurementIsAnErrorNotAZero()
        {
            var context = new MLContext(seed: 0);
            IDataView data = CorrelatedGaussians.Load(context, 3000, 2, 0.8, 3);
            var e = Assert.ThrowsExactly<InvalidOperationException>(() => context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" },
                new MineOptions { Seed = 1, LearningRate = 10, Bound = MineBound.Nwj, MaxSteps = 500, CrossFittingFolds = 1 }));
            StringAssert.Contains(e.Message, "non-finite");
            StringAssert.Contains(e.Message, "LearningRate");
        }

        [TestMethod]
        public void AConstantSideIsZeroAtOnceWithAWarning()
        {
            var context = new MLContext(seed: 0);
            List<CorrelatedGaussians.Row> rows = CorrelatedGaussians.Sample(3000, 2, 0.8, 3).ToList();
            foreach (CorrelatedGaussians.Row row in rows)
                row.X = new[] { 1f, 2f };
            List<string> warnings = LoggedWarnings.Of(context);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(
                context.Data.LoadFromEnumerable(rows, CorrelatedGaussians.Schema(2)), new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 1 });
            Assert.AreEqual(0, estimate.Nats);
            Assert.AreEqual(0, estimate.Steps, "nothing trained");
            Assert.AreEqual(3000, estimate.RowsUsed);
            Assert.IsTrue(warnings.Any(m => m.Contains("X (X) is constant")), string.Join("\n", warnings));
        }

        [TestMethod]
        public void ACopyOfTheOtherSideIsWarnedAboutAsUnbounded()
        {
            var context = new MLContext(seed: 0);
            List<CorrelatedGaussians.Row> rows = CorrelatedGaussians.Sample(2000, 1, 0.5, 3).ToList();
            foreach (CorrelatedGaussians.Row row in rows)
                row.Z = (float[])row.X.Clone();
            List<string> warnings = LoggedWarnings.Of(context);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(
                context.Data.LoadFromEnumerable(rows, CorrelatedGaussians.Schema(1)), new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 1, MaxSteps = 300 });
            Assert.IsGreaterThan(1.0, estimate.Nats, "a copy carries a lot of information");
            Assert.IsTrue(warnings.Any(m => m.Contains("infinite mutual information") && m.Contains("lower bound that grows with training")),
                string.Join("\n", warnings));
        }
    }
}
