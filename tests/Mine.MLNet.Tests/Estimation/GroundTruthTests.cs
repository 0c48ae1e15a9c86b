using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>
    /// Estimates against known mutual information. Tolerance: 5% of the truth or 0.05 nats, whichever is
    /// larger (the bar), with default options and fixed seeds.
    /// </summary>
    [TestClass]
    public sealed class GroundTruthTests
    {
        private const int Rows = 20000;

        private static double Tolerance(double truth) => Math.Max(0.05, 0.05 * truth);

        [TestMethod]
        [DataRow(1, 0.0)]
        [DataRow(1, 0.5)]
        [DataRow(1, 0.9)]
        [DataRow(2, 0.0)]
        [DataRow(2, 0.5)]
        [DataRow(2, 0.9)]
        [DataRow(5, 0.0)]
        [DataRow(5, 0.5)]
        [DataRow(5, 0.9)]
        public void CorrelatedGaussiansMatchTheClosedForm(int dimensions, double rho)
        {
            var context = new MLContext(seed: 1);
            IDataView data = CorrelatedGaussians.Load(context, Rows, dimensions, rho, seed: 7);
            double truth = CorrelatedGaussians.TrueMutualInformation(dimensions, rho);
            // Default options: the automatic bound (DonskerVaradhan alone reached 3.85 for 4.15 nats at d = 5, rho = 0.9, 7% low).
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 1 });
            Assert.AreEqual(truth, estimate.Nats, Tolerance(truth), estimate.ToString());
            Assert.IsLessThanOrEqualTo(truth, estimate.ConfidenceLower, estimate.ToString());
        }

        [TestMethod]
        [DataRow(100)]
        [DataRow(101)]
        [DataRow(102)]
        public void HighMutualInformationIsWithinTenPercentWithTheDefaultBound(int seed)
        {
            // 10 pairs with rho 0.9: I = -5 ln(0.19) = 8.30 nats, far above ln(256) / 2 = 2.77, where a batch cannot measure
            // DV's marginal term (DonskerVaradhan alone: 6.3 on these seeds, 24% low). The bar is the issue's: within
            // 10% with only the seed set; the lower confidence bound is still a bound's (DV's) and must not pass the truth.
            var context = new MLContext(seed: 1);
            IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, Rows, 10, 0.9, seed));
            double truth = CorrelatedGaussians.TrueMutualInformation(10, 0.9);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = seed });
            Assert.AreEqual(truth, estimate.Nats, 0.10 * truth, estimate.ToString());
            Assert.AreEqual(MineBound.Smile, estimate.Bound, estimate.ToString());
            Assert.IsLessThanOrEqualTo(truth, estimate.ConfidenceLower, estimate.ToString());
            Assert.IsGreaterThan(0.5 * truth, estimate.ConfidenceLower, "the DV network's lower bound is reported, not 0: " + estimate);
        }

        [TestMethod]
        public void DependenceThroughASharedScaleIsFound()
        {
            // Beyond Normal's Student-t 5x5 with nu = 3: X and Z uncorrelated, all 0.2985 nats of dependence in the shared
            // chi-square scale. Its benchmark seeds gave 0.087 to 0.207 before each side's mean square was shown to the
            // network, 0.235 to 0.259 after. The bar: within 25% of the truth (the "tight"), under it at the lower bound.
            BmiTask task = BmiTasks.All.Single(t => t.Name == "Student-t 5x5, nu 3");
            var context = new MLContext(seed: 0);
            IDataView data = BmiSample.Load(context, task, 10000, seed: 0);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Y" }, new MineOptions { Seed = 0 });
            Assert.IsGreaterThan(0.75 * task.Truth, estimate.Nats, $"truth {task.Truth:F4}: {estimate}");
            Assert.IsLessThanOrEqualTo(task.Truth, estimate.ConfidenceLower, $"truth {task.Truth:F4}: {estimate}");
        }

        [TestMethod]
        public void BelowTheSwitchTheAutomaticBoundIsDonskerVaradhanBitForBit()
        {
            // rho 0.8 in 2 dimensions: 1.02 nats, below ln(256) / 2. The automatic choice must be exactly the DV estimate.
            var context = new MLContext(seed: 1);
            IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 5000, 2, 0.8, seed: 4));
            MutualInformationEstimate Estimate(MineBound? bound) => context.Data.EstimateMutualInformation(
                data, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 3, Bound = bound, MaxSteps = 1500 });
            MutualInformationEstimate automatic = Estimate(null), dv = Estimate(MineBound.DonskerVaradhan);
            Assert.AreEqual(MineBound.DonskerVaradhan, automatic.Bound);
            Assert.AreEqual(dv.Nats, automatic.Nats, 0.0, automatic.ToString());
            Assert.AreEqual(dv.ConfidenceLower, automatic.ConfidenceLower, 0.0);
            Assert.AreEqual(dv.Steps, automatic.Steps);
            Assert.IsGreaterThan(0.9, automatic.Nats, "a trained network, not a constant: " + automatic);
        }

        [TestMethod]
        public void IndependenceGivesALowerConfidenceBoundOfZeroAndWeakDependenceDoesNot()
        {
            // The same estimator on the same sizes: independent columns must not look dependent, and a weak dependence
            // (rho 0.2 in 3 dimensions: 0.061 nats) must (an estimator that always returned 0 would fail the second half).
            MutualInformationEstimate Estimate(double rho)
            {
                var context = new MLContext(seed: 1);
                IDataView data = CorrelatedGaussians.Load(context, 5000, 3, rho, seed: 8);
                return context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions { Seed = 2 });
            }
            MutualInformationEstimate independent = Estimate(0.0);
            Assert.AreEqual(0.0, independent.ConfidenceLower, independent.ToString());
            Assert.IsLessThan(0.05, independent.Nats, independent.ToString());
            MutualInformationEstimate weak = Estimate(0.2);
            double truth = CorrelatedGaussians.TrueMutualInformation(3, 0.2);
            Assert.IsGreaterThan(0.0, weak.ConfidenceLower, weak.ToString());
            Assert.IsLessThan(truth + 3 * weak.StandardError, weak.ConfidenceLower, $"truth {truth:F4}: {weak}");
        }

        [TestMethod]
        public void KeyLabelAgainstAGaussianMixtureMatchesMonteCarlo()
        {
            var context = new MLContext(seed: 1);
            IDataView raw = context.Data.LoadFromEnumerable(GaussianMixture.Sample(Rows, seed: 3));
            IDataView data = context.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(raw).Transform(raw);
            Assert.IsInstanceOfType<Microsoft.ML.Data.KeyDataViewType>(data.Schema["Label"].Type);

            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(
                data, new[] { "X1", "X2" }, new[] { "Label" }, new MineOptions { Seed = 1 });

            var (truth, monteCarloError) = GaussianMixture.TrueMutualInformation(400_000, seed: 99);
            Assert.IsLessThan(0.002, monteCarloError);
            Assert.AreEqual(truth, estimate.Nats, Tolerance(truth) + 3 * monteCarloError, $"truth {truth:F4}: {estimate}");
        }
    }
}
