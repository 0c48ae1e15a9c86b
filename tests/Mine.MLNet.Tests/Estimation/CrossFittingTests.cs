using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Cross-fitting: fold bookkeeping, and on a small table every row contributes to the estimate.</summary>
    [TestClass]
    public sealed class CrossFittingTests
    {
        [TestMethod]
        [DataRow(569, 5)]
        [DataRow(1000, 3)]
        [DataRow(103, 7)]
        public void EveryRowIsEstimatedExactlyOnceByANetworkThatNeverSawIt(int rows, int folds)
        {
            SampleSplit[] splits = SampleSplit.CrossFit(rows, folds, 0.3, seed: 4);
            Assert.HasCount(folds, splits);
            CollectionAssert.AreEquivalent(Enumerable.Range(0, rows).ToArray(), splits.SelectMany(s => s.Estimation).ToArray());
            int monitoring = (int)System.Math.Round(rows * 0.15);
            foreach (SampleSplit split in splits)
            {
                int[] all = split.Training.Concat(split.Monitoring).Concat(split.Estimation).ToArray();
                CollectionAssert.AreEquivalent(Enumerable.Range(0, rows).ToArray(), all, "each split partitions the rows");
                Assert.HasCount(monitoring, split.Monitoring);
                Assert.IsTrue(split.Estimation.Length == rows / folds || split.Estimation.Length == rows / folds + 1);
            }
            var sizes = SampleSplit.CrossFitSizes(rows, folds, 0.3);
            Assert.AreEqual(splits.Min(s => s.Training.Length), sizes.Training);
            Assert.AreEqual(splits.Min(s => s.Estimation.Length), sizes.Estimation);
            // The same seed gives the same folds.
            CollectionAssert.AreEqual(splits[1].Estimation, SampleSplit.CrossFit(rows, folds, 0.3, seed: 4)[1].Estimation);
        }

        [TestMethod]
        public void OnASmallTableCrossFittingEstimatesOnEveryRowWithASmallerStandardError()
        {
            // 800 rows, rho 0.8: truth 0.511 nats. Automatic folds (5 below 5,000 rows) against one 70/15/15 split,
            // whose estimate rests on 120 rows: cross-fitting rests on all 800, so its standard error is about
            // sqrt(120 / 800) = 0.39 of the single split's; 0.7 leaves room for the networks' differences.
            var context = new MLContext(seed: 0);
            IDataView data = CorrelatedGaussians.Load(context, 800, 1, 0.8, seed: 6);
            double truth = CorrelatedGaussians.TrueMutualInformation(1, 0.8);
            MutualInformationEstimate crossFitted = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" },
                new MineOptions { Seed = 1, HiddenLayerSizes = new[] { 32, 32 }, BatchSize = 128 });
            MutualInformationEstimate single = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" },
                new MineOptions { Seed = 1, HiddenLayerSizes = new[] { 32, 32 }, BatchSize = 128, CrossFittingFolds = 1 });
            Assert.IsLessThan(0.7 * single.StandardError, crossFitted.StandardError, $"cross-fitted {crossFitted}, single {single}");
            // Steps count every fold's network; the curves are the first fold's.
            Assert.IsGreaterThan(crossFitted.ValidationCurve[^1].Step, crossFitted.Steps);
            Assert.AreEqual(truth, crossFitted.Nats, 0.1, crossFitted.ToString());
            Assert.IsLessThanOrEqualTo(truth, crossFitted.ConfidenceLower, crossFitted.ToString());
        }
    }
}
