using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// Every encoder with the default options (only the seed set), as a user would first try it, on a narrow table:
    /// three classes in 10 features whose means differ along every feature. Class k has mean (k - 1) * 4 / sqrt(10)
    /// * (+1, -1, +1, ...) and identity covariance, so neighbouring means are 4 apart: the Bayes classifier errs
    /// between neighbours with probability Phi(-2) = 2.3%, and its macro accuracy is (0.977 + 0.954 + 0.977) / 3 =
    /// 0.970. With propagated noise 256 inputs wide (its former width) next to these 10 features, the propagated
    /// encoder reached 0.83.
    /// </summary>
    [TestClass]
    public sealed class DefaultOptionsTests
    {
        /// <summary>Seven points under the Bayes macro accuracy; 900 test rows give a standard error of about 0.6%.</summary>
        private const double AccuracyBound = 0.90;

        private static IDataView Classes(MLContext context, int rows, int seed)
        {
            var random = new Random(seed);
            var data = Enumerable.Range(0, rows).Select(_ =>
            {
                int k = random.Next(3);
                var features = new float[GaussianClassesData.Width];
                for (int j = 0; j < features.Length; j++)
                    features[j] = (float)(CorrelatedGaussians.Normal(random) + (k - 1) * 4 / Math.Sqrt(features.Length) * (j % 2 == 0 ? 1 : -1));
                return new GaussianClassesData.Row { Features = features, Class = GaussianClassesData.Classes[k] };
            }).ToList();
            return GaussianClassesData.Load(context, data);
        }

        [TestMethod]
        [DataRow(BottleneckEncoder.Gaussian)]
        [DataRow(BottleneckEncoder.Additive)]
        [DataRow(BottleneckEncoder.Propagated)]
        public void DefaultOptionsLearnANarrowTable(BottleneckEncoder encoder)
        {
            var context = new MLContext(seed: 0);
            var options = new InformationBottleneckOptions { Encoder = encoder, Seed = 1 };
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options)
                .Fit(Classes(context, 1500, seed: 3));
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(Classes(context, 900, seed: 4)));
            Assert.IsGreaterThan(AccuracyBound, metrics.MacroAccuracy, $"{encoder}: macro accuracy {metrics.MacroAccuracy}");
        }
    }
}
