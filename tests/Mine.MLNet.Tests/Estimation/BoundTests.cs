using System;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Every bound estimates a known mutual information; InfoNCE respects its ln(batch) cap.</summary>
    [TestClass]
    public sealed class BoundTests
    {
        [TestMethod]
        [DataRow(MineBound.DonskerVaradhan)]
        [DataRow(MineBound.Nwj)]
        [DataRow(MineBound.InfoNce)]
        [DataRow(MineBound.Smile)]
        public void EachBoundRecoversTheTruthOfABivariatePair(MineBound bound)
        {
            var context = new MLContext(seed: 1);
            IDataView data = CorrelatedGaussians.Load(context, 10000, 2, 0.5, seed: 4);
            var options = new MineOptions { Bound = bound, Seed = 3 };
            if (bound == MineBound.InfoNce)
                options.BatchSize = 64; // InfoNCE scores every pair of a batch: 64 x 64 per step.
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options);

            double truth = CorrelatedGaussians.TrueMutualInformation(2, 0.5);
            Assert.AreEqual(bound, estimate.Bound);
            Assert.AreEqual(truth, estimate.Nats, 0.05, estimate.ToString());
            Assert.IsTrue(estimate.ConfidenceLower <= truth, estimate.ToString());
        }

        [TestMethod]
        public void InfoNceNeverExceedsTheLogOfItsBatchSize()
        {
            var context = new MLContext(seed: 1);
            // True I = 8.3 nats, far above ln 16 = 2.77.
            IDataView data = CorrelatedGaussians.Load(context, 4000, 5, 0.99, seed: 4);
            var options = new MineOptions { Bound = MineBound.InfoNce, BatchSize = 16, Seed = 3, MaxSteps = 1500 };
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options);
            Assert.IsLessThanOrEqualTo(Math.Log(16) + 1e-6, estimate.Nats);
            Assert.IsGreaterThan(Math.Log(16) - 0.5, estimate.Nats, "a strong dependence should come close to the cap");
        }
    }
}
