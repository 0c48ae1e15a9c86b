using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Determinism, cancellation, logging, column types and missing values.</summary>
    [TestClass]
    public sealed class EstimateBehaviourTests
    {
        [TestMethod]
        public void SameSeedGivesBitIdenticalEstimates()
        {
            var context = new MLContext(seed: 3);
            IDataView data = CorrelatedGaussians.Load(context, 3000, 2, 0.5, 5);
            MutualInformationEstimate first = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast());
            MutualInformationEstimate second = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast());
            Assert.AreEqual(first.Nats, second.Nats, 0.0);
            Assert.AreEqual(first.StandardError, second.StandardError, 0.0);
            Assert.AreEqual(first.Steps, second.Steps);

            MineOptions otherSeed = MineTestData.Fast();
            otherSeed.Seed = 12;
            MutualInformationEstimate third = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, otherSeed);
            Assert.AreNotEqual(first.Nats, third.Nats, "a different seed must change the run");
        }

        [TestMethod]
        public void MLContextSeedMakesRunsWithoutAnOptionsSeedReproducible()
        {
            double Run()
            {
                var context = new MLContext(seed: 1);
                IDataView data = CorrelatedGaussians.Load(context, 3000, 1, 0.5, 5);
                MineOptions options = MineTestData.Fast();
                options.Seed = null;
                return context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options).Nats;
            }
            Assert.AreEqual(Run(), Run(), 0.0);
        }

        [TestMethod]
        public void CancellationStopsWithinASecond()
        {
            var context = new MLContext(seed: 1);
            IDataView data = CorrelatedGaussians.Load(context, 5000, 2, 0.5, 5);
            using var cancellation = new CancellationTokenSource();
            var options = new MineOptions { Seed = 1, MaxSteps = 1_000_000, EarlyStoppingPatience = 1_000_000, CancellationToken = cancellation.Token };
            var watch = new Stopwatch();
            context.Log += (_, e) =>
            {
                // Cancel once training is under way (the first progress message).
                if (e.Message.Contains("MINE step") && !cancellation.IsCancellationRequested)
                {
                    watch.Start();
                    cancellation.Cancel();
                }
            };
            Assert.ThrowsExactly<OperationCanceledException>(
                () => context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options));
            Assert.IsTrue(watch.IsRunning, "training never reported progress");
            Assert.IsLessThan(1.0, watch.Elapsed.TotalSeconds);
        }

        [TestMethod]
        public void ProgressIsLoggedThroughTheMLContext()
        {
            var context = new MLContext(seed: 1);
            var messages = new List<string>();
            context.Log += (_, e) => messages.Add(e.Message);
            IDataView data = CorrelatedGaussians.Load(context, 3000, 1, 0.5, 5);
            context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast());
            Assert.IsTrue(messages.Exists(m => m.Contains("MINE step 100/600: training bound")), string.Join("\n", messages));
            Assert.IsTrue(messages.Exists(m => m.Contains("MINE result: I = ")));
        }

        [TestMethod]
        public void ScalarColumnsOfMixedTypesFormAGroup()
        {
            var context = new MLContext(seed: 1);
            IDataView data = MineTestData.Mixed(context, 4000, 2);
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(
                data, new[] { "A", "B", "C" }, new[] { "Target" }, MineTestData.Fast());
            // Target = A + B + C + small noise: strongly dependent on the group.
            Assert.IsGreaterThan(1.0, estimate.ConfidenceLower, estimate.ToString());
            Assert.AreEqual(4000, estimate.RowsUsed);
            Assert.AreEqual(0, estimate.RowsSkipped);
        }

        [TestMethod]
        public void RowsWithNaNAreSkippedAndCounted()
        {
            var context = new MLContext(seed: 1);
            var rows = new List<CorrelatedGaussians.Row>(CorrelatedGaussians.Sample(3000, 1, 0.5, 9));
            for (int i = 0; i < rows.Count; i += 10)
                rows[i].Z[0] = float.NaN;
            IDataView data = context.Data.LoadFromEnumerable(rows, CorrelatedGaussians.Schema(1));
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast());
            Assert.AreEqual(300, estimate.RowsSkipped);
            Assert.AreEqual(2700, estimate.RowsUsed);
            Assert.IsTrue(double.IsFinite(estimate.Nats));
        }

        [TestMethod]
        public void TheResultInBitsAndItsLowerBoundAgreeWithTheTruth()
        {
            // rho 0.5 in one dimension: I = -0.5 ln(0.75) = 0.1438 nats = 0.2075 bits.
            var context = new MLContext(seed: 1);
            IDataView data = CorrelatedGaussians.Load(context, 3000, 1, 0.5, 5);
            MutualInformationEstimate e = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast());
            double truthBits = CorrelatedGaussians.TrueMutualInformation(1, 0.5) / Math.Log(2);
            double bitsError = e.StandardError / Math.Log(2);
            Assert.IsGreaterThan(0.0, e.StandardError);
            // A lower bound errs low by the network's shortfall, never far high: 4 standard errors above, 25% below.
            Assert.IsLessThan(truthBits + 4 * bitsError, e.Bits, e.ToString());
            Assert.IsGreaterThan(0.75 * truthBits - 4 * bitsError, e.Bits, e.ToString());
            Assert.IsGreaterThan(0.0, e.ConfidenceLower, "a dependence this strong is detected");
            Assert.IsLessThan(e.Nats, e.ConfidenceLower);
            // One point per evaluation of the first critic; Steps also counts the second critic's (1 to 6 intervals of 100).
            int otherCritic = e.Steps - 100 * e.ValidationCurve.Count;
            Assert.IsTrue(otherCritic >= 100 && otherCritic <= 600, $"{e.Steps} steps, {e.ValidationCurve.Count} evaluations of the first critic");
            Assert.AreEqual(e.ValidationCurve.Count, e.TrainingCurve.Count);
            Assert.AreEqual(MineTestData.Fast().Bound, e.Bound, "the bound that was asked for");
        }
    }
}
