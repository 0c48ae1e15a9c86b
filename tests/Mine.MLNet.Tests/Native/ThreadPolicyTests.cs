using System;
using System.Diagnostics;
using System.Linq;
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
    /// The thread policy: a lease sets libtorch's thread count on its own thread and puts it back, the load reading
    /// counts other processes and not this one, and the numbers a seed gives do not depend on the count.
    /// </summary>
    [TestClass]
    public sealed class ThreadPolicyTests
    {
        [TestMethod]
        [TestCategory("Unit")]
        public void ALeaseSetsItsCountOnItsThreadAndPutsBackWhatItFound()
        {
            int inside = 0, after = 0;
            var thread = new Thread(() =>
            {
                torch.set_num_threads(2);
                using (TorchThreadLease lease = TorchThreadLease.Acquire(1))
                {
                    inside = torch.get_num_threads();
                    Assert.AreEqual(1, lease.Threads);
                }
                after = torch.get_num_threads();
            });
            thread.Start();
            thread.Join();
            Assert.AreEqual(1, inside);
            Assert.AreEqual(2, after);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void TheLoadReadingCountsAnotherProcessButNotThisOne()
        {
            if (!OperatingSystem.IsLinux())
                Assert.Inconclusive("The load is read from Linux's /proc.");
            OtherProcessesLoad load = OtherProcessesLoad.Start();
            Assert.IsNotNull(load, "/proc/stat should describe this machine's cores");

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
                Assert.IsTrue(own < 0.5, $"this process's own spinning counted as {own:F2} busy cores of others");
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
                Assert.IsTrue(others > 0.6, $"a busy process read as {others:F2} cores");
            }
            finally
            {
                busy.Kill();
                busy.WaitForExit();
            }
        }

        [TestMethod]
        public void AnEstimateIsTheSameWithOneThreadAndWithTwo()
        {
            var context = new MLContext(seed: 0);
            IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 1500, 2, 0.6, 3));
            foreach (int folds in new[] { 1, 5 })
            {
                // One fold: libtorch's intra-op threads differ. Five: the folds also train side by side or one after another.
                MutualInformationEstimate one = Estimate(context, data, folds, threads: 1);
                MutualInformationEstimate two = Estimate(context, data, folds, threads: 2);
                Assert.IsTrue(one.Nats > 0.2, $"{folds} folds: the estimate {one.Nats} should be near the truth 0.446");
                Assert.AreEqual(one.Nats, two.Nats, 0, $"{folds} folds");
                Assert.AreEqual(one.StandardError, two.StandardError, 0, $"{folds} folds");
                Assert.AreEqual(one.Steps, two.Steps, $"{folds} folds");
            }
        }

        [TestMethod]
        public void AClassifierIsTheSameWithOneThreadAndWithTwo()
        {
            var context = new MLContext(seed: 0);
            IDataView data = BottleneckTestData.Training(context);
            double[] Losses(int threads)
            {
                InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
                options.NumberOfEpochs = 3;
                options.NumberOfThreads = threads;
                InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(data);
                return model.History.Select(e => e.Loss).Append(model.Model.MutualInformation).ToArray();
            }
            CollectionAssert.AreEqual(Losses(1), Losses(2));
        }

        private static MutualInformationEstimate Estimate(MLContext context, IDataView data, int folds, int threads)
            => context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, new MineOptions
            {
                Seed = 5,
                MaxSteps = 400,
                BatchSize = 128,
                CrossFittingFolds = folds,
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
