using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;
using Mine.MLNet.Tests.Estimation;
using Mine.MLNet.Tests.Selection;
using Mine.MLNet.Tests.Trainers;

namespace Mine.MLNet.Tests.Hosting
{
    /// <summary>
    /// Progress reaches the caller through IProgress on the options (no log parsing); cancellation comes from the
    /// options' token or from the ML.NET host (MLContext's internal CancelExecution, what CheckAlive observes); and
    /// components built inside Mine.MLNet log to the caller's MLContext.
    /// </summary>
    [TestClass]
    public sealed class ProgressAndCancellationTests
    {
        private sealed class Recorder<T> : IProgress<T>
        {
            public List<T> Reports { get; } = new();

            public Action<T> OnReport { get; set; }

            public void Report(T value)
            {
                Reports.Add(value);
                OnReport?.Invoke(value);
            }
        }

        private static IDataView Pairs(MLContext context) => CorrelatedGaussians.Load(context, 1500, 1, 0.8, seed: 3);

        [TestMethod]
        public void AnEstimateReportsEveryEvaluationInOrder()
        {
            var context = new MLContext(seed: 0);
            var progress = new Recorder<MineProgress>();
            MineOptions options = MineTestData.Fast();
            options.MaxSteps = 300;
            options.EarlyStoppingPatience = 100;
            options.Progress = progress;
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(Pairs(context), new[] { "X" }, new[] { "Z" }, options);

            CollectionAssert.AreEqual(new[] { 100, 200, 300 }, progress.Reports.Select(r => r.Step).ToArray());
            Assert.IsTrue(progress.Reports.All(r => r.MaxSteps == 300 && r.Candidates == 1 && r.Stage == "EstimateMutualInformation"));
            // The reported best held-out bound is the best of the estimate's two critics so far: never below the running
            // maximum of the first critic's validation curve, never falling, and below the truth (0.51 nats) plus noise.
            double[] best = progress.Reports.Select(r => r.BestHeldOutNats).ToArray();
            double[] firstCritic = estimate.ValidationCurve.Select((p, i) => estimate.ValidationCurve.Take(i + 1).Max(q => Math.Max(q.Nats, 0))).ToArray();
            Assert.HasCount(firstCritic.Length, best);
            for (int i = 0; i < best.Length; i++)
            {
                Assert.IsGreaterThanOrEqualTo(firstCritic[i], best[i], $"evaluation {i}: reported {best[i]}, first critic {firstCritic[i]}");
                Assert.IsGreaterThanOrEqualTo(i == 0 ? 0 : best[i - 1], best[i]);
                Assert.IsLessThan(CorrelatedGaussians.TrueMutualInformation(1, 0.8) + 0.15, best[i]);
            }
        }

        [TestMethod]
        public void JointSelectionReportsItsCriticsTraining()
        {
            var context = new MLContext(seed: 0);
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mine-progress-{Guid.NewGuid():N}.csv");
            try
            {
                XorData.WriteCsv(path, 1500, noiseColumns: 2, seed: 5);
                var progress = new Recorder<MineProgress>();
                MineOptions mine = XorSelectionTests.FastMine();
                mine.Progress = progress;
                context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
                {
                    LabelColumnName = "Y",
                    InputColumnNames = XorData.InputColumns(2),
                    FeaturesToKeep = 2,
                    Strategy = SelectionStrategy.Joint,
                    Mine = mine,
                }).Fit(XorData.Load(context, path, 2));
                // Joint trains one statistics network for every subset (five cross-fitted members on 1,500 rows) and then
                // eliminates by masking, which trains nothing.
                string[] stages = progress.Reports.Select(r => r.Stage).Distinct().ToArray();
                CollectionAssert.AreEqual(new[] { "Joint critic" }, stages, string.Join(", ", stages));
                Assert.IsTrue(progress.Reports.All(r => r.Candidates == 5), "one report per evaluation of the five members");
                Assert.IsTrue(progress.Reports.Select(r => r.Step).SequenceEqual(progress.Reports.Select(r => r.Step).OrderBy(s => s)), "steps in order");
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [TestMethod]
        public void TheTrainerReportsEveryEpoch()
        {
            var context = new MLContext(seed: 0);
            var progress = new Recorder<InformationBottleneckEpoch>();
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            options.Progress = progress;
            var model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            Assert.HasCount(options.NumberOfEpochs, progress.Reports);
            CollectionAssert.AreEqual(model.History.Select(e => e.Epoch).ToArray(), progress.Reports.Select(e => e.Epoch).ToArray());
        }

        [TestMethod]
        public void CancellingTheHostStopsAnEstimate()
        {
            var context = new MLContext(seed: 0);
            MethodInfo cancel = typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic);
            Assert.IsNotNull(cancel, "this ML.NET has no MLContext.CancelExecution");
            var progress = new Recorder<MineProgress> { OnReport = _ => cancel.Invoke(context, null) };
            MineOptions options = MineTestData.Fast();
            options.MaxSteps = 100_000;
            options.EarlyStoppingPatience = 1000;
            options.Progress = progress;
            Assert.ThrowsExactly<OperationCanceledException>(() =>
                context.Data.EstimateMutualInformation(Pairs(context), new[] { "X" }, new[] { "Z" }, options));
            // The host is polled every 50 ms: the run stops within a few evaluations of the cancellation.
            Assert.IsLessThan(20, progress.Reports.Count);
        }

        [TestMethod]
        public void InnerComponentsUseTheCallersSeedSettingsAndLog()
        {
            var context = new MLContext(seed: 5) { GpuDeviceId = 3, FallbackToCpu = true };
            var messages = new List<string>();
            context.Log += (_, e) => messages.Add(e.RawMessage);
            // What the catalogs hand Mine.MLNet: the MLContext's inner environment, not the MLContext.
            Microsoft.ML.Runtime.IHostEnvironment env = Mine.MLNet.Hosting.CatalogEnvironment.Get(context.Transforms);
            Assert.IsNotInstanceOfType<MLContext>(env);

            MLContext inner = Mine.MLNet.Hosting.CatalogEnvironment.Context(env);
            Assert.AreEqual(3, inner.GpuDeviceId);
            Assert.IsTrue(inner.FallbackToCpu);
            var reference = (Microsoft.ML.Runtime.IHostEnvironment)new MLContext(seed: 5);
            Assert.AreEqual(reference.Register("probe").Rand.Next(), ((Microsoft.ML.Runtime.IHostEnvironment)inner).Register("probe").Rand.Next(), "seeded like the caller");

            using (Microsoft.ML.Runtime.IChannel channel = ((Microsoft.ML.Runtime.IHostEnvironment)inner).Start("Probe"))
                channel.Info(Microsoft.ML.Runtime.MessageSensitivity.None, "message from an inner component");
            CollectionAssert.Contains(messages, "message from an inner component");
        }
    }
}
