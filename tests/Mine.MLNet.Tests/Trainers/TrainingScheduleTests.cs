using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>The learning-rate decay and the training time limit change what is trained, as documented.</summary>
    [TestClass]
    public sealed class TrainingScheduleTests
    {
        [TestMethod]
        public void ANearZeroRateAfterTheFirstEpochFreezesTheModel()
        {
            // Same seed, so the first epoch is identical in all three runs. With the rate multiplied by 1e-9 after it,
            // four more epochs move each weight by about 1e-12 (Adam's step is the rate times a ratio near 1), so the
            // scores stay those of the one-epoch model; without decay those epochs keep training.
            float[][] oneEpoch = Scores(epochs: 1, decay: 1);
            float[][] frozen = Scores(epochs: 5, decay: 1e-9);
            float[][] trained = Scores(epochs: 5, decay: 1);
            Assert.IsLessThan(1e-5, MaxDifference(oneEpoch, frozen));
            Assert.IsGreaterThan(1e-2, MaxDifference(oneEpoch, trained));
        }

        [TestMethod]
        public void TheTimeLimitEndsTrainingAfterTheEpochThatPassesIt()
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            options.NumberOfEpochs = 50;
            options.TrainingTimeLimit = TimeSpan.FromMilliseconds(1);
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            Assert.HasCount(1, model.History);
            Assert.IsTrue(double.IsFinite(model.MutualInformation));
        }

        private static float[][] Scores(int epochs, double decay)
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Gaussian);
            options.NumberOfEpochs = epochs;
            options.LearningRateDecay = decay;
            options.LearningRateDecayEpochs = 1;
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            return model.Transform(BottleneckTestData.Test(context)).GetColumn<float[]>("Score").ToArray();
        }

        private static double MaxDifference(float[][] a, float[][] b)
            => a.Zip(b, (x, y) => x.Zip(y, (p, q) => Math.Abs(p - q)).Max()).Max();
    }
}
