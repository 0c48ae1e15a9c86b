using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

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

        [TestMethod]
        public void TheModelPredictsWithTheAveragedWeightsWhichFollowTheTrainingWeights()
        {
            // After 12 epochs (252 steps) the average, decay 0.99 capped by the warm-up at about 0.96 (the last 30 steps
            // or so), differs from the last weights, so averaging changes the fitted model. When the rate then drops by 1e-9, the weights stay where
            // the first epoch left them, and 40 more epochs (840 steps at decay 0.9) pull the average onto them: the
            // model's scores become those of the one-epoch model without averaging.
            float[][] lastWeights = Scores(epochs: 12, decay: 1);
            float[][] averaged = Scores(epochs: 12, decay: 1, averaging: 0.99);
            Assert.IsGreaterThan(1e-2, MaxDifference(lastWeights, averaged));
            float[][] oneEpoch = Scores(epochs: 1, decay: 1);
            float[][] averagedOntoFrozen = Scores(epochs: 41, decay: 1e-9, averaging: 0.9);
            Assert.IsLessThan(1e-5, MaxDifference(oneEpoch, averagedOntoFrozen));
        }

        [TestMethod]
        public void NegativeFinalBoundsAreWarnedAbout()
        {
            // At a rate of 1e-9 the statistics network keeps its random initial weights. For such a T the joint and
            // the shuffled pairs score alike, and log E_Q[e^T] > E_Q[T] (Jensen), so the bound is below 0; a trained T
            // (the default rate) is above it on these well-separated classes.
            List<string> untrained = Warnings(1e-9);
            Assert.IsTrue(untrained.Exists(w => w.Contains("mean training bound") && w.Contains("below 0")), "no training-bound warning for an untrained T");
            Assert.IsTrue(untrained.Exists(w => w.Contains("final bound on held-out rows") && w.Contains("below 0")), "no held-out warning for an untrained T");
            List<string> trained = Warnings(BottleneckTestData.Fast(BottleneckEncoder.Additive).LearningRate);
            Assert.IsFalse(trained.Exists(w => w.Contains("below 0")), string.Join("\n", trained));
        }

        private static List<string> Warnings(double learningRate)
        {
            var context = new MLContext(seed: 0);
            List<string> warnings = LoggedWarnings.Of(context);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            options.LearningRate = learningRate;
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            Assert.IsTrue(double.IsFinite(model.MutualInformation));
            return warnings;
        }

        [TestMethod]
        [DataRow(BottleneckEncoder.Additive)]
        [DataRow(BottleneckEncoder.Gaussian)]
        public void WithAveragingTheFinalEstimateMeasuresTheShippedEncoder(BottleneckEncoder encoder)
        {
            // With Polyak averaging the model ships the averaged encoder, whose codes the statistics network never trained
            // on; it is refreshed on them before the final estimate. The held-out estimate must then agree with the same
            // bound on the training rows (within 3 standard errors of the difference: no warning) and keep the information
            // the classes need (the label holds ln 3 = 1.10 nats, and the classifier separates them).
            var context = new MLContext(seed: 0);
            List<string> warnings = LoggedWarnings.Of(context);
            InformationBottleneckOptions options = BottleneckTestData.Fast(encoder);
            options.ParameterAveragingDecay = 0.99;
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            string differs = warnings.FirstOrDefault(w => w.Contains("differs from the same bound on training rows"));
            Assert.IsNull(differs, differs);
            Assert.IsGreaterThan(0.8, model.MutualInformation, $"{model.MutualInformation} +- {model.MutualInformationStandardError}");
        }

        private static float[][] Scores(int epochs, double decay, double averaging = 0)
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Gaussian);
            options.NumberOfEpochs = epochs;
            options.LearningRateDecay = decay;
            options.ParameterAveragingDecay = averaging;
            options.LearningRateDecayEpochs = 1;
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            return model.Transform(BottleneckTestData.Test(context)).GetColumn<float[]>("Score").ToArray();
        }

        private static double MaxDifference(float[][] a, float[][] b)
            => a.Zip(b, (x, y) => x.Zip(y, (p, q) => Math.Abs(p - q)).Max()).Max();
    }
}
