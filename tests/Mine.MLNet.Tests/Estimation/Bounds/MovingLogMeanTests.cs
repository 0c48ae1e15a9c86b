using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Bounds;

namespace Mine.MLNet.Tests.Estimation.Bounds
{
    /// <summary>
    /// Section 3.2's moving average of E_Q[e^T]: the paper's average while batches behave, and not inflated by one
    /// outlying batch (the figures are those of the MNIST run in docs/regulariser.md, where it was).
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class MovingLogMeanTests
    {
        private const double Rate = 0.01;

        [TestMethod]
        public void OrdinaryBatchesGiveThePapersExponentialMovingAverage()
        {
            var random = new Random(3);
            var average = new MovingLogMean(Rate);
            double linear = double.NaN;
            for (int step = 0; step < 500; step++)
            {
                // Batch log-means wandering within a nat or two of each other, as T's do once trained.
                double batch = -3.7 + 1.5 * Math.Sin(step / 20.0) + random.NextDouble() - 0.5;
                linear = double.IsNaN(linear) ? Math.Exp(batch) : (1 - Rate) * linear + Rate * Math.Exp(batch);
                Assert.AreEqual(Math.Log(linear), average.Update(batch), 1e-9, $"step {step}");
            }
        }

        [TestMethod]
        public void OneOutlyingBatchCannotSilenceTheMarginalTerm()
        {
            var average = new MovingLogMean(Rate);
            for (int step = 0; step < 300; step++)
                average.Update(-3.7);
            // One pair scored 12 nats among 99 ordinary ones: the batch's log-mean jumps to about 7.6. The plain
            // average would rise to log(0.99 e^-3.7 + 0.01 e^7.6) = 2.96 nats.
            double afterSpike = average.Update(7.6);
            Assert.IsLessThanOrEqualTo(-3.7 + Math.Log(2), afterSpike, "one batch at most doubles the average");
            Assert.IsGreaterThan(-3.7, afterSpike, "the outlier still counts");

            // The next ordinary batch's marginal gradient is weighted by e^(b - c) (eq. 12 with the average as
            // denominator). With the plain average it would be e^(-3.7 - 2.96) = 0.0013 and stay under 0.5 for about
            // 600 steps; here it is at least one half at once.
            double next = average.Update(-3.7);
            Assert.IsGreaterThanOrEqualTo(0.5, Math.Exp(-3.7 - next));
        }

        [TestMethod]
        public void AtRateOneTheAverageIsTheBatchUnlessItMoreThanDoubles()
        {
            var average = new MovingLogMean(1);
            average.Update(-3.7);
            Assert.AreEqual(-5.0, average.Update(-5.0), 1e-12, "a falling batch is followed exactly");
            Assert.AreEqual(-4.5, average.Update(-4.5), 1e-12, "so is a rise within a doubling");
            Assert.AreEqual(-4.5 + Math.Log(2), average.Update(7.6), 1e-12);
        }

        [TestMethod]
        public void TheFirstBatchStartsTheAverage()
        {
            var average = new MovingLogMean(Rate);
            Assert.IsTrue(double.IsNaN(average.Value));
            Assert.AreEqual(5.0, average.Update(5.0));
            Assert.AreEqual(5.0, average.Value);
        }
    }
}
