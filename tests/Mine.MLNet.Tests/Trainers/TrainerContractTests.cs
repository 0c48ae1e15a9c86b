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
            Assert.IsGreaterThan(0.85, accuracy, $"accuracy {accuracy:F3}");

            // The generic overload, given the classifier itself: one result per slot, in slot order.
            ImmutableArray<MulticlassClassificationMetricsStatistics> bySlot =
                context.MulticlassClassification.PermutationFeatureImportance(classifier, test, permutationCount: 1);
            AssertTheInformativeFeaturesLead(bySlot.Select((m, i) => ($"x{i}", -m.MicroAccuracy.Mean)).ToArray());

            // The overload that takes the whole fitted chain finds the classifier in it and names each slot.
            ImmutableDictionary<string, MulticlassClassificationMetricsStatistics> byName =
                context.MulticlassClassification.PermutationFeatureImportance((ITransformer)model, test, permutationCount: 1);
            AssertTheInformativeFeaturesLead(byName.Select(p => (p.Key, -p.Value.MicroAccuracy.Mean)).ToArray());
        }

        /// <summary>
        /// The label is the quadrant of (x2, x6). Shuffling x2 or x6 moves about half the rows to a wrong quadrant
        /// (accuracy falls by about half of what the model has); shuffling a feature independent of the label cannot
        /// change the expected accuracy, so only noise of a few rows in 1,000 remains.
        /// </summary>
        private static void AssertTheInformativeFeaturesLead((string Name, double Drop)[] drops)
        {
            string shown = string.Join(", ", drops.Select(d => $"{d.Name} {d.Drop:F3}"));
            Console.WriteLine($"accuracy drops: {shown}");
            Assert.HasCount(Width, drops);
            string[] informative = Informative.Select(i => $"x{i}").ToArray();
            CollectionAssert.AreEquivalent(informative, drops.OrderByDescending(d => d.Drop).Take(2).Select(d => d.Name).ToArray(), shown);
            foreach ((string name, double drop) in drops)
            {
                if (informative.Contains(name))
                    Assert.IsGreaterThan(0.25, drop, $"{name}: drop {drop:F3}");
                else
                    Assert.IsLessThan(0.03, Math.Abs(drop), $"{name}: drop {drop:F3}");
            }
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

        /// <summary>Ten standard normal features with slot names x0 to x9; the class is the quadrant of (x2, x6).</summary>
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
            SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
            var names = new VBuffer<ReadOnlyMemory<char>>(Width, Enumerable.Range(0, Width).Select(j => $"x{j}".AsMemory()).ToArray());
            schema[nameof(Row.Features)].AddAnnotation("SlotNames", names, new VectorDataViewType(TextDataViewType.Instance, Width));
            return context.Data.LoadFromEnumerable(rows, schema);
        }
    }
}
