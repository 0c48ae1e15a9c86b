using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;
using Mine.MLNet.Tests.Estimation;
using Mine.MLNet.Tests.Trainers;

namespace Mine.MLNet.Tests.Hosting
{
    /// <summary>
    /// MineOptions.Device, InformationBottleneckOptions.Device and MLContext.GpuDeviceId / FallbackToCpu are read.
    /// The package ships TorchSharp-cpu, so CUDA is never available here: asking for it must fail clearly, and the
    /// MLContext's fallback must warn and give exactly the CPU result.
    /// </summary>
    [TestClass]
    public sealed class DeviceTests
    {
        private static IDataView Pairs(MLContext context) => CorrelatedGaussians.Load(context, 1500, 1, 0.8, seed: 3);

        private static MutualInformationEstimate Estimate(MLContext context, MineDevice device = MineDevice.Context)
        {
            MineOptions options = MineTestData.Fast();
            options.MaxSteps = 200;
            options.Device = device;
            return context.Data.EstimateMutualInformation(Pairs(context), new[] { "X" }, new[] { "Z" }, options);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AskingForCudaIsAClearErrorInEveryEntryPoint()
        {
            var context = new MLContext(seed: 0);
            var estimate = Assert.ThrowsExactly<InvalidOperationException>(() => Estimate(context, MineDevice.Cuda));
            StringAssert.Contains(estimate.Message, "MineOptions.Device is Cuda but CUDA is not available");

            MineOptions mine = MineTestData.Fast();
            mine.Device = MineDevice.Cuda;
            var select = Assert.ThrowsExactly<InvalidOperationException>(() => context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Target",
                InputColumnNames = new[] { "A" },
                FeaturesToKeep = 1,
                Mine = mine,
            }).Fit(MineTestData.Mixed(context, 1500, seed: 2)));
            StringAssert.Contains(select.Message, "MutualInformationSelectOptions.Mine.Device is Cuda");

            InformationBottleneckOptions trainer = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            trainer.Device = MineDevice.Cuda;
            var fit = Assert.ThrowsExactly<InvalidOperationException>(() => context.MulticlassClassification.Trainers.InformationBottleneck(trainer)
                .Fit(BottleneckTestData.Training(context)));
            StringAssert.Contains(fit.Message, "InformationBottleneckOptions.Device is Cuda");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AnUndefinedDeviceIsRefusedWhenTheComponentIsBuilt()
        {
            var context = new MLContext(seed: 0);
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.MulticlassClassification.Trainers.InformationBottleneck(
                new InformationBottleneckOptions { Device = (MineDevice)7 }));
            StringAssert.Contains(error.Message, "Device");
        }

        [TestMethod]
        public void GpuDeviceIdWithoutFallbackIsAnError()
        {
            var context = new MLContext(seed: 0) { GpuDeviceId = 0, FallbackToCpu = false };
            var error = Assert.ThrowsExactly<InvalidOperationException>(() => Estimate(context));
            StringAssert.Contains(error.Message, "GpuDeviceId is 0 and FallbackToCpu is false");

            // An explicit CPU request wins over the context.
            Assert.IsGreaterThan(0.2, Estimate(context, MineDevice.Cpu).Nats);
        }

        [TestMethod]
        public void GpuDeviceIdWithFallbackWarnsAndGivesTheCpuResult()
        {
            var quiet = new MLContext(seed: 0);
            double cpu = Estimate(quiet).Nats;

            var context = new MLContext(seed: 0) { GpuDeviceId = 0, FallbackToCpu = true };
            List<string> warnings = LoggedWarnings.Of(context);
            Assert.AreEqual(cpu, Estimate(context).Nats);
            Assert.IsTrue(warnings.Exists(w => w.Contains("GpuDeviceId is 0 but CUDA is not available")), string.Join("\n", warnings));
        }
    }
}
