using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// Bad input fails with a marked exception naming the column, in GetOutputSchema and Fit alike, or when the
    /// trainer is built for bad arguments.
    /// </summary>
    [TestClass]
    public sealed class InformationBottleneckInputValidationTests
    {
        private static readonly MLContext Context = new MLContext(seed: 1);

        private sealed class RaggedRow
        {
            public float[] Features { get; set; }

            public string Class { get; set; }
        }

        private sealed class DoubleRow
        {
            [Microsoft.ML.Data.VectorType(2)]
            public double[] Features { get; set; }

            public string Class { get; set; }
        }

        private static IDataView Training() => BottleneckTestData.Training(Context);

        private static InformationBottleneckOptions Options(string label = "Label", string features = "Features")
        {
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            options.LabelColumnName = label;
            options.FeatureColumnName = features;
            options.NumberOfEpochs = 1;
            return options;
        }

        private static void AssertBothFail<T>(InformationBottleneckOptions options, IDataView data, params string[] expected) where T : Exception
        {
            InformationBottleneckTrainer trainer = Context.MulticlassClassification.Trainers.InformationBottleneck(options);
            AssertMarked(Assert.ThrowsExactly<T>(() => trainer.GetOutputSchema(SchemaShapes.Of(data.Schema))), expected);
            AssertMarked(Assert.ThrowsExactly<T>(() => trainer.Fit(data)), expected);
        }

        private static void AssertFitFails<T>(InformationBottleneckOptions options, IDataView data, params string[] expected) where T : Exception
            => AssertMarked(Assert.ThrowsExactly<T>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(data)), expected);

        private static void AssertMarked(Exception e, params string[] expected)
        {
            Assert.IsTrue(e.Data.Contains("ML_IsMarked"), $"not marked by ML.NET: {e}");
            foreach (string text in expected)
                StringAssert.Contains(e.Message, text);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void MissingLabelIsNamed()
            => AssertBothFail<ArgumentOutOfRangeException>(Options(label: "Nope"), Training(), "Could not find label column 'Nope'");

        [TestMethod]
        [TestCategory("Unit")]
        public void NonKeyLabelIsRefusedWithAHint()
            => AssertBothFail<ArgumentOutOfRangeException>(Options(label: "Class"), Training(), "label column 'Class'", "expected a key type, got String", "MapValueToKey");

        [TestMethod]
        [TestCategory("Unit")]
        public void MissingFeaturesAreNamed()
            => AssertBothFail<ArgumentOutOfRangeException>(Options(features: "Nope"), Training(), "Could not find feature column 'Nope'");

        [TestMethod]
        [TestCategory("Unit")]
        public void TextFeaturesAreRefused()
            => AssertBothFail<ArgumentOutOfRangeException>(Options(features: "Class"), Training(), "feature column 'Class'", "expected a known-size vector of Single, got String");

        [TestMethod]
        [TestCategory("Unit")]
        public void VariableLengthFeaturesAreRefused()
        {
            IDataView ragged = Context.Data.LoadFromEnumerable(new[]
            {
                new RaggedRow { Features = new[] { 1f, 2f }, Class = "a" },
                new RaggedRow { Features = new[] { 1f }, Class = "b" },
            });
            ragged = GaussianClassesData.KeyedLabel(Context).Fit(ragged).Transform(ragged);
            AssertBothFail<ArgumentOutOfRangeException>(Options(), ragged, "feature column 'Features'", "variable-length Vector<Single>");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void DoubleFeaturesAreRefusedWithAHint()
        {
            IDataView doubles = Context.Data.LoadFromEnumerable(new[] { new DoubleRow { Features = new[] { 1.0, 2.0 }, Class = "a" } });
            doubles = GaussianClassesData.KeyedLabel(Context).Fit(doubles).Transform(doubles);
            AssertBothFail<ArgumentOutOfRangeException>(Options(), doubles, "feature column 'Features'", "Vector<Double>", "ConvertType");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void ALabelKeyWithOneClassIsRefused()
        {
            IDataView rows = Context.Data.LoadFromEnumerable(GaussianClassesData.Rows(200, seed: 2).Select(r => new GaussianClassesData.Row { Features = r.Features, Class = "a" }));
            IDataView keyed = Context.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(rows).Transform(rows);
            // A SchemaShape does not carry key counts, so only Fit can see this one.
            AssertFitFails<ArgumentOutOfRangeException>(Options(), keyed, "Label column 'Label' has 1 class");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void DataWithASingleClassIsRefusedInFit()
        {
            IDataView single = GaussianClassesData.Load(Context, GaussianClassesData.Rows(200, seed: 2).Select(r => new GaussianClassesData.Row { Features = r.Features, Class = "b" }));
            AssertFitFails<InvalidOperationException>(Options(), single, "Label column 'Label'", "single class");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AMissingLabelValueIsAnErrorNamingTheRow()
        {
            var rows = GaussianClassesData.Rows(200, seed: 2);
            rows[17].Class = "unknown";
            AssertFitFails<InvalidOperationException>(Options(), GaussianClassesData.Load(Context, rows), "Label column 'Label'", "row 17");
        }

        [TestMethod]
        [DataRow(float.PositiveInfinity)]
        [DataRow(float.NegativeInfinity)]
        public void RowsWithInfiniteFeaturesAreSkippedNotTakenForDivergence(float infinity)
        {
            var rows = GaussianClassesData.Rows(600, seed: 2);
            for (int i = 0; i < rows.Count; i += 50)
                rows[i].Features[4] = infinity;
            var context = new MLContext(seed: 1);
            var log = new List<string>();
            context.Log += (_, e) => log.Add(e.RawMessage);
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(Options()).Fit(GaussianClassesData.Load(context, rows));
            Assert.IsTrue(model.History.All(e => double.IsFinite(e.Loss)));
            Assert.IsTrue(log.Any(m => m.Contains("588 rows (12 skipped for missing features)")), string.Join("\n", log.Where(m => m.Contains("rows"))));
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AnEmptyTableSaysItHasNoRows()
        {
            // As a user makes it: the label mapped to keys on the (empty) data itself, so the key has no values.
            IDataView raw = Context.Data.LoadFromEnumerable(new List<GaussianClassesData.Row>());
            IDataView empty = Context.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(raw).Transform(raw);
            AssertFitFails<InvalidOperationException>(Options(), empty, "The data has no rows");
        }

        [TestMethod]
        public void RowsWithNaNFeaturesAreSkippedNotFatal()
        {
            var rows = GaussianClassesData.Rows(600, seed: 2);
            rows[3].Features[4] = float.NaN;
            InformationBottleneckTransformer model = Context.MulticlassClassification.Trainers.InformationBottleneck(Options()).Fit(GaussianClassesData.Load(Context, rows));
            Assert.IsTrue(model.History.All(e => double.IsFinite(e.Loss)));
        }

        [TestMethod]
        [TestCategory("Unit")]
        [DataRow(nameof(InformationBottleneckOptions.Beta), -0.1)]
        [DataRow(nameof(InformationBottleneckOptions.Beta), double.NaN)]
        [DataRow(nameof(InformationBottleneckOptions.LearningRate), 0.0)]
        [DataRow(nameof(InformationBottleneckOptions.NoiseStandardDeviation), -1.0)]
        [DataRow(nameof(InformationBottleneckOptions.ValidationFraction), 1.0)]
        [DataRow(nameof(InformationBottleneckOptions.LearningRateDecay), 0.0)]
        [DataRow(nameof(InformationBottleneckOptions.LearningRateDecay), 1.5)]
        [DataRow(nameof(InformationBottleneckOptions.ParameterAveragingDecay), 1.0)]
        [DataRow(nameof(InformationBottleneckOptions.ParameterAveragingDecay), -0.1)]
        [DataRow(nameof(InformationBottleneckOptions.ParameterAveragingDecay), double.NaN)]
        public void BadNumbersAreRefusedWhenTheTrainerIsBuilt(string property, double value)
        {
            InformationBottleneckOptions options = Options();
            typeof(InformationBottleneckOptions).GetProperty(property).SetValue(options, value);
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), property);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void NegativeBetaIsRefusedByThePlainOverload()
            => AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(beta: -1)), "Beta");

        [TestMethod]
        [TestCategory("Unit")]
        public void BadSizesAreRefused()
        {
            InformationBottleneckOptions options = Options();
            options.EvaluationSamples = 0;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "EvaluationSamples");
            options = Options();
            options.EncoderHiddenLayerSizes = new[] { 16, 0 };
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "EncoderHiddenLayerSizes");
            options = Options();
            options.BatchSize = 1;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "BatchSize");
            options = Options();
            options.LearningRateDecayEpochs = 0;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "LearningRateDecayEpochs");
            options = Options();
            options.NumberOfThreads = 0;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "NumberOfThreads");
            options = Options();
            options.TrainingTimeLimit = TimeSpan.Zero;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.InformationBottleneck(options)), "TrainingTimeLimit");
        }
    }
}
