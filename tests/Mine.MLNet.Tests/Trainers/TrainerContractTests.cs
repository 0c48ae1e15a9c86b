using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// The trainer behaves as an ML.NET trainer: a trainer estimator whose fitted chain exposes the model parameters,
    /// a Score column with ML.NET's score annotations, and PermutationFeatureImportance on the input features.
    /// </summary>
    [TestClass]
    public sealed class TrainerContractTests
    {
        private const int Width = 10;
        private static readonly int[] Informative = { 2, 6 };

        [TestMethod]
        public void PermutationFeatureImportanceFindsTheTwoInformativeFeatures()
        {
            var context = new MLContext(seed: 1);
            IEstimator<ITransformer> keyed = context.Transforms.Conversion.MapValueToKey("Label", "Class");
            ITrainerEstimator<InformationBottleneckTransformer, InformationBottleneckModelParameters> trainer =
                context.MulticlassClassification.Trainers.InformationBottleneck(BottleneckTestData.Fast(BottleneckEncoder.Additive));
            TransformerChain<InformationBottleneckTransformer> model = keyed.Append(trainer).Fit(Load(context, 2000, seed: 3));

            InformationBottleneckTransformer classifier = model.LastTransformer;
            Assert.AreEqual(Width, classifier.Model.NumberOfFeatures);
            Assert.AreEqual(4, classifier.Model.NumberOfClasses);
            Assert.AreEqual("Features", classifier.FeatureColumnName);

            IDataView test = model.Transform(Load(context, 1000, seed: 4));
            double accuracy = context.MulticlassClassification.Evaluate(test).MicroAccuracy;
            ImmutableArray<MulticlassClassificationMetricsStatistics> importance =
                context.MulticlassClassification.PermutationFeatureImportance(classifier, test, permutationCount: 1);

            // The label is the quadrant of (x2, x6). Shuffling x2 or x6 moves about half the rows to a wrong quadrant
            // (accuracy falls by about half of what the model has); shuffling a feature independent of the label
            // cannot change the expected accuracy, so only noise of a few rows in 1,000 remains.
            double[] drops = importance.Select(m => -m.MicroAccuracy.Mean).ToArray();
            Console.WriteLine($"accuracy {accuracy:F3}; drops {string.Join(", ", drops.Select(d => d.ToString("F3")))}");
            Assert.AreEqual(Width, drops.Length);
            Assert.IsGreaterThan(0.85, accuracy, $"accuracy {accuracy:F3}");
            CollectionAssert.AreEquivalent(Informative, drops.Select((d, i) => (d, i)).OrderByDescending(p => p.d).Take(2).Select(p => p.i).ToArray(),
                $"drops {string.Join(", ", drops.Select(d => d.ToString("F3")))}");
            foreach (int i in Informative)
                Assert.IsGreaterThan(0.25, drops[i], $"feature {i}: drop {drops[i]:F3}");
            foreach (int i in Enumerable.Range(0, Width).Except(Informative))
                Assert.IsLessThan(0.03, Math.Abs(drops[i]), $"feature {i}: drop {drops[i]:F3}");
        }

        [TestMethod]
        public void ScoreCarriesTheMulticlassScoreAnnotations()
        {
            var context = new MLContext(seed: 1);
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers
                .InformationBottleneck(BottleneckTestData.Fast(BottleneckEncoder.Gaussian)).Fit(BottleneckTestData.Training(context));
            DataViewSchema schema = model.GetOutputSchema(BottleneckTestData.Test(context).Schema);
            DataViewSchema.Column score = schema["Score"];

            ReadOnlyMemory<char> kind = default, valueKind = default;
            score.Annotations.GetValue("ScoreColumnKind", ref kind);
            score.Annotations.GetValue("ScoreValueKind", ref valueKind);
            Assert.AreEqual("MulticlassClassification", kind.ToString());
            Assert.AreEqual("Score", valueKind.ToString());
            Assert.IsNotNull(score.Annotations.Schema.GetColumnOrNull("ScoreColumnSetId"));
            Assert.IsNotNull(schema["PredictedLabel"].Annotations.Schema.GetColumnOrNull("KeyValues"));
            Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, GaussianClassesData.Width), model.FeatureColumnType);
            Assert.AreSame(model.Model.History, model.History);
        }

        private sealed class Row
        {
            [VectorType(Width)]
            public float[] Features { get; set; }

            public string Class { get; set; }
        }

        /// <summary>Ten standard normal features; the class is the quadrant of (x2, x6).</summary>
        private static IDataView Load(MLContext context, int count, int seed)
        {
            var random = new Random(seed);
            var rows = new List<Row>(count);
            for (int r = 0; r < count; r++)
            {
                var x = new float[Width];
                for (int j = 0; j < Width; j++)
                    x[j] = (float)CorrelatedGaussians.Normal(random);
                rows.Add(new Row { Features = x, Class = $"q{(x[Informative[0]] > 0 ? 2 : 0) + (x[Informative[1]] > 0 ? 1 : 0)}" });
            }
            return context.Data.LoadFromEnumerable(rows);
        }
    }
}
