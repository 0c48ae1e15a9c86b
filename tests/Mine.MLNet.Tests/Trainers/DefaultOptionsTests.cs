using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// Every encoder with the default options (only the seed set), as a user would first try it, on narrow tables:
    /// three classes in 4 or 10 features whose means differ along every feature. Class k has mean (k - 1) * 4 /
    /// sqrt(width) * (+1, -1, +1, ...) and identity covariance, so at either width neighbouring means are 4 apart: the Bayes classifier errs
    /// between neighbours with probability Phi(-2) = 2.3%, and its macro accuracy is (0.977 + 0.954 + 0.977) / 3 =
    /// 0.970. With propagated noise 256 inputs wide (its former width) next to these 10 features, the propagated
    /// encoder reached 0.83.
    /// </summary>
    [TestClass]
    public sealed class DefaultOptionsTests
    {
        /// <summary>Seven points under the Bayes macro accuracy; 900 test rows give a standard error of about 0.6%.</summary>
        private const double AccuracyBound = 0.90;

        private static IDataView Classes(MLContext context, int width, int rows, int seed)
        {
            var random = new Random(seed);
            var data = Enumerable.Range(0, rows).Select(_ =>
            {
                int k = random.Next(3);
                var features = new float[width];
                for (int j = 0; j < features.Length; j++)
                    features[j] = (float)(CorrelatedGaussians.Normal(random) + (k - 1) * 4 / Math.Sqrt(features.Length) * (j % 2 == 0 ? 1 : -1));
                return new GaussianClassesData.Row { Features = features, Class = GaussianClassesData.Classes[k] };
            }).ToList();
            SchemaDefinition schema = SchemaDefinition.Create(typeof(GaussianClassesData.Row));
            schema[nameof(GaussianClassesData.Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
            IDataView view = context.Data.LoadFromEnumerable(data, schema);
            return GaussianClassesData.KeyedLabel(context).Fit(view).Transform(view);
        }

        [TestMethod]
        [DataRow(BottleneckEncoder.Gaussian, 4)]
        [DataRow(BottleneckEncoder.Additive, 4)]
        [DataRow(BottleneckEncoder.Propagated, 4)]
        [DataRow(BottleneckEncoder.Gaussian, 10)]
        [DataRow(BottleneckEncoder.Additive, 10)]
        [DataRow(BottleneckEncoder.Propagated, 10)]
        public void DefaultOptionsLearnANarrowTable(BottleneckEncoder encoder, int width)
        {
            var context = new MLContext(seed: 0);
            var options = new InformationBottleneckOptions { Encoder = encoder, Seed = 1 };
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options)
                .Fit(Classes(context, width, 1500, seed: 3));
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(Classes(context, width, 900, seed: 4)));
            Console.WriteLine($"{encoder}, {width} features: macro accuracy {metrics.MacroAccuracy:F3}");
            Assert.IsGreaterThan(AccuracyBound, metrics.MacroAccuracy, $"{encoder}, {width} features: macro accuracy {metrics.MacroAccuracy}");
        }
    }
}
