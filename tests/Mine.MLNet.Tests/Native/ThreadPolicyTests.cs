using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Native;
using Mine.MLNet.Testing;
using Mine.MLNet.Tests.Trainers;
using TorchSharp;

namespace Mine.MLNet.Tests.Native
{
    /// <summary>
    /// The thread policy: a lease sets libtorch's thread count on its own thread and puts it back, so does a fit's calling
    /// thread (one thread outside the leases), the load reading
    /// counts other processes and not this one, folds give the same numbers side by side as one after another, and the
    /// classifier (whose count follows the load) gives the same numbers with one thread and with two.
    /// </summary>
    [TestClass]
    public sealed class ThreadPolicyTests
    {
        [TestMethod]
        [TestCategory("Unit")]
        public void ALeaseSetsItsCountOnItsThreadAndPutsBackWhatItFound()
        {
            (int inside, int after) = CountsInsideAndAfterOnAThreadOfTwo(() =>
            {
                TorchThreadLease lease = TorchThreadLease.Acquire(1);
                Assert.AreEqual(1, lease.Threads);
                return lease;
            });
            Assert.AreEqual(1, inside);
            Assert.AreEqual(2, after);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AFitsCallingThreadRunsOneThreadAndGetsItsCountBack()
        {
            // Outside the workers' leases a fit's own thread must not start an OpenMP pool of one worker per core.
            (int inside, int after) = CountsInsideAndAfterOnAThreadOfTwo(CallingThreadTorchThreads.One);
            Assert.AreEqual(1, inside);
            Assert.AreEqual(2, after);
        }

        /// <summary>On a new thread set to two libtorch threads: the count while <paramref name="take"/>'s scope is held, and after it is disposed.</summary>
        private static (int Inside, int After) CountsInsideAndAfterOnAThreadOfTwo(Func<IDisposable> take)
        {
            int inside = 0, after = 0;
            ExceptionDispatchInfo failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    torch.set_num_threads(2);
                    using (take())
                        inside = torch.get_num_threads();
                    after = torch.get_num_threads();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            });
            thread.Start();
            thread.Join();
            failure?.Throw();
            return (inside, after);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void TheLoadReadingCountsAnotherProcessButNotThisOne()
        {
            if (!OperatingSystem.IsLinux())
                Assert.Inconclusive("The load is read from Linux's /proc.");
            OtherProcessesLoad load = OtherProcessesLoad.Start();
            Assert.IsNotNull(load, "/proc/stat should describe this machine's cores");
            // What other processes were doing anyway (the machine may be shared): the readings below are compared with it.
            Thread.Sleep(1000);
            double? before = load.BusyCores();
            Assert.IsNotNull(before);

            // This process keeps one core busy: not counted.
            using (var spinning = new CancellationTokenSource())
            {
                var spinner = new Thread(() => Spin(spinning.Token));
                spinner.Start();
                Thread.Sleep(1000);
                double? own = load.BusyCores();
                spinning.Cancel();
                spinner.Join();
                Assert.IsNotNull(own);
                Assert.IsTrue(own - before < 0.5, $"this process's own spinning counted as {own - before:F2} more busy cores of others ({before:F2} before)");
            }

            // Another process keeps one core busy: counted.
            using Process busy = Process.Start(new ProcessStartInfo("/bin/sh", new[] { "-c", "while :; do :; done" }));
            try
            {
                Thread.Sleep(300);
                load.BusyCores();
                Thread.Sleep(1000);
                double? others = load.BusyCores();
                Assert.IsNotNull(others);
                Assert.IsTrue(others - before > 0.6, $"a busy process read as {others - before:F2} more cores ({before:F2} before)");
            }
            finally
            {
                busy.Kill();
                busy.WaitForExit();
            }
        }

        [TestMethod]
        public void CrossFittedFoldsGiveTheSameEstimateSideBySideAndOneAfterAnother()
        {
            var context = new MLContext(seed: 0);
            IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 1500, 2, 0.6, 3));
            // Automatic: the five folds train on every core at once, one libtorch thread each. One thread: one after another.
            MutualInformationEstimate sideBySide = Estimate(context, data, threads: null);
            MutualInformationEstimate oneAfterAnother = Estimate(context, data, threads: 1);
            Assert.IsTrue(sideBySide.Nats > 0.3, $"the estimate {sideBySide.Nats} should be near the truth 0.446");
            Assert.AreEqual(oneAfterAnother.Nats, sideBySide.Nats, 0);
            Assert.AreEqual(oneAfterAnother.StandardError, sideBySide.StandardError, 0);
            Assert.AreEqual(oneAfterAnother.Steps, sideBySide.Steps);
        }

        [TestMethod]
        public void GroupsOfCandidatesGiveTheSameRankingSideBySideAndOneAfterAnother()
        {
            // 20 candidates train as two groups (StatisticsNetworkFitter.GroupCount): side by side on every core
            // (automatic), or one after another on one thread; the numbers must not depend on which.
            var context = new MLContext(seed: 0);
            IDataView data = context.Data.Cache(GraduatedFeatures(context, 1200));
            IReadOnlyList<FeatureRankingEntry> Rank(int? threads) => context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Y",
                InputColumnNames = new[] { "X" },
                FeaturesToKeep = 3,
                Strategy = SelectionStrategy.Ranking,
                Mine = new MineOptions { Seed = 2, MaxSteps = 300, NumberOfThreads = threads },
            }).Fit(data).Ranking;
            IReadOnlyList<FeatureRankingEntry> sideBySide = Rank(null), oneAfterAnother = Rank(1);
            Assert.AreEqual(2, Mine.MLNet.Estimation.Engine.StatisticsNetworkFitter.GroupCount(20));
            CollectionAssert.AreEqual(oneAfterAnother.Select(e => e.Name).ToArray(), sideBySide.Select(e => e.Name).ToArray());
            CollectionAssert.AreEqual(oneAfterAnother.Select(e => e.MutualInformation).ToArray(), sideBySide.Select(e => e.MutualInformation).ToArray());
            CollectionAssert.AreEqual(oneAfterAnother.Select(e => e.StandardError).ToArray(), sideBySide.Select(e => e.StandardError).ToArray());
            Assert.AreEqual("X[0]", sideBySide[0].Name, "the strongest slot ranks first");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void TheNumberOfGroupsDependsOnTheCandidatesAlone()
        {
            int[] counts = { 1, 15, 16, 31, 32, 63, 64, 500 };
            int[] groups = counts.Select(Mine.MLNet.Estimation.Engine.StatisticsNetworkFitter.GroupCount).ToArray();
            CollectionAssert.AreEqual(new[] { 1, 1, 2, 2, 4, 4, 8, 8 }, groups);
        }

        /// <summary>A 20-slot vector X whose slot j carries a signal of strength 1 / (1 + j), and a Boolean label Y.</summary>
        private static IDataView GraduatedFeatures(MLContext context, int rows)
        {
            var random = new Random(4);
            var data = new List<SlotRow>();
            for (int i = 0; i < rows; i++)
            {
                var x = new float[20];
                bool y = random.Next(2) == 1;
                for (int j = 0; j < x.Length; j++)
                    x[j] = (float)(CorrelatedGaussians.Normal(random) + (y ? 1.0 : -1.0) / (1 + j));
                data.Add(new SlotRow { X = x, Y = y });
            }
            return context.Data.LoadFromEnumerable(data);
        }

        private sealed class SlotRow
        {
            [Microsoft.ML.Data.VectorType(20)]
            public float[] X { get; set; }

            public bool Y { get; set; }
        }

        [TestMethod]
        [DataRow(32)]
        [DataRow(512)]
        public void AClassifierIsTheSameWithOneThreadAndWithTwo(int hiddenUnits)
        {
            // The classifier follows the load (TorchThreadLease); its numbers must not depend on the count it gets.
            var context = new MLContext(seed: 0);
            IDataView data = BottleneckTestData.Training(context);
            double[] Losses(int threads)
            {
                InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
                options.EncoderHiddenLayerSizes = new[] { hiddenUnits, hiddenUnits };
                options.StatisticsNetworkHiddenLayerSizes = new[] { hiddenUnits };
                options.NumberOfEpochs = 2;
                options.NumberOfThreads = threads;
                InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(data);
                return model.History.Select(e => e.Loss).Append(model.Model.MutualInformation).ToArray();
            }
            CollectionAssert.AreEqual(Losses(1), Losses(2));
        }

        private static MutualInformationEstimate Estimate(MLContext context, IDataView data, int? threads)
            => context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions
            {
                Seed = 5,
                MaxSteps = 400,
                BatchSize = 128,
                CrossFittingFolds = 5,
                NumberOfThreads = threads,
            });

        private static void Spin(CancellationToken token)
        {
            double x = 0;
            while (!token.IsCancellationRequested)
                x = Math.Sqrt(x + 1);
        }
    }
}
