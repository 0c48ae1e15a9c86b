using System;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;
using Mine.MLNet.Tests.Estimation;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>
    /// Bad input fails with a marked exception naming the column, in GetOutputSchema and Fit alike
    /// (ML.NET's estimator contract), or when the estimator is built for bad arguments.
    /// </summary>
    [TestClass]
    public sealed class SelectionInputValidationTests
    {
        private static readonly MLContext Context = new MLContext(seed: 1);

        private static MutualInformationSelectOptions Options(string label, int keep, params string[] inputs) => new MutualInformationSelectOptions
        {
            LabelColumnName = label,
            InputColumnNames = inputs,
            FeaturesToKeep = keep,
            Mine = MineTestData.Fast(),
        };

        private static IDataView Mixed()
        {
            IDataView data = MineTestData.Mixed(Context, 500, 1);
            return Context.Transforms.Conversion.MapValueToKey("TextKey", "Text").Fit(data).Transform(data);
        }

        /// <summary>Both GetOutputSchema and Fit throw <typeparamref name="T"/>, marked, mentioning <paramref name="expected"/>.</summary>
        private static void AssertBothFail<T>(MutualInformationSelectOptions options, IDataView data, params string[] expected) where T : Exception
        {
            var estimator = Context.Transforms.MutualInformationSelect(options);
            AssertMarked(Assert.ThrowsExactly<T>(() => estimator.GetOutputSchema(SchemaShapes.Of(data.Schema))), expected);
            AssertMarked(Assert.ThrowsExactly<T>(() => estimator.Fit(data)), expected);
        }

        private static void AssertMarked(Exception e, params string[] expected)
        {
            Assert.IsTrue(e.Data.Contains("ML_IsMarked"), $"not marked by ML.NET: {e}");
            foreach (string text in expected)
                StringAssert.Contains(e.Message, text);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void MissingLabelIsNamed()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Nope", 1, "A", "B"), Mixed(), "label column 'Nope'");

        [TestMethod]
        [TestCategory("Unit")]
        public void MissingInputIsNamed()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Target", 1, "A", "Nope"), Mixed(), "input column 'Nope'");

        [TestMethod]
        [TestCategory("Unit")]
        public void TextInputIsRefusedWithTheExpectedTypes()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Target", 1, "A", "Text"), Mixed(), "'Text'", "expected Single, Double, integer or Boolean", "got String");

        [TestMethod]
        [TestCategory("Unit")]
        public void VariableLengthVectorIsRefused()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Target", 1, "A", "Ragged"), Mixed(), "'Ragged'", "variable-length");

        [TestMethod]
        [TestCategory("Unit")]
        public void KeyInputIsRefusedWithAHint()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Target", 1, "A", "TextKey"), Mixed(), "'TextKey'", "OneHotEncoding");

        [TestMethod]
        [TestCategory("Unit")]
        public void TextLabelIsRefused()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Text", 1, "A", "B"), Mixed(), "label column 'Text'", "got String");

        [TestMethod]
        [TestCategory("Unit")]
        public void KeepingMoreThanTheCandidatesIsRefused()
            => AssertBothFail<ArgumentOutOfRangeException>(Options("Target", 4, "A", "B", "C"), Mixed(), "FeaturesToKeep is 4", "only 3");

        [TestMethod]
        [TestCategory("Unit")]
        public void KeepingMoreThanTheSlotsOfAVectorIsRefusedInFit()
        {
            IDataView mixed = Mixed();
            IDataView data = Context.Transforms.Conversion.ConvertType("Af", "A", Microsoft.ML.Data.DataKind.Single)
                .Append(Context.Transforms.Conversion.ConvertType("Bf", "B", Microsoft.ML.Data.DataKind.Single))
                .Append(Context.Transforms.Concatenate("V", "Af", "Bf"))
                .Fit(mixed).Transform(mixed);
            var estimator = Context.Transforms.MutualInformationSelect(Options("Target", 3, "V"));
            // A schema shape does not know the vector's size; Fit does.
            estimator.GetOutputSchema(SchemaShapes.Of(data.Schema));
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data)), "FeaturesToKeep is 3", "only 2 slots");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void BadArgumentsFailWhenTheEstimatorIsBuilt()
        {
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Transforms.MutualInformationSelect("Out", "Target", new[] { "A" }, 0)), "FeaturesToKeep");
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Transforms.MutualInformationSelect("Out", "Target", new[] { "A", "Target" }, 1)), "'Target' is the label");
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Transforms.MutualInformationSelect("Out", "Target", new[] { "A", "A" }, 1)), "'A'");
            AssertMarked(Assert.ThrowsExactly<ArgumentNullException>(() => Context.Transforms.MutualInformationSelect("Out", "Target", null, 1)));
            var options = Options("Target", 1, "A");
            options.MinimumMutualInformation = double.NaN;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Transforms.MutualInformationSelect(options)), "MinimumMutualInformation");
            options = Options("Target", 1, "A");
            options.Mine.BatchSize = 1;
            AssertMarked(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Transforms.MutualInformationSelect(options)), "BatchSize");
        }

        private sealed class LabelledRow
        {
            public float A { get; set; }
            public float B { get; set; }
            public float Label { get; set; }
        }

        private static IDataView Labelled(Func<int, float> label)
            => Context.Data.LoadFromEnumerable(Enumerable.Range(0, 600).Select(i => new LabelledRow { A = i % 7, B = i % 5, Label = label(i) }));

        [TestMethod]
        [TestCategory("Unit")]
        public void ConstantLabelIsRefusedInFit()
        {
            var e = Assert.ThrowsExactly<InvalidOperationException>(() => Context.Transforms.MutualInformationSelect(Options("Label", 1, "A", "B")).Fit(Labelled(_ => 3f)));
            AssertMarked(e, "Label column 'Label' is constant");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void MissingLabelValueIsRefusedInFit()
        {
            var e = Assert.ThrowsExactly<InvalidOperationException>(
                () => Context.Transforms.MutualInformationSelect(Options("Label", 1, "A", "B")).Fit(Labelled(i => i == 42 ? float.NaN : i % 2)));
            AssertMarked(e, "Label column 'Label'", "row 42");
        }

        [TestMethod]
        public void AThresholdNoCandidateReachesIsReported()
        {
            var options = Options("Label", 1, "A", "B");
            options.MinimumMutualInformation = 50;
            var random = new Random(3);
            var e = Assert.ThrowsExactly<InvalidOperationException>(
                () => Context.Transforms.MutualInformationSelect(options).Fit(Labelled(_ => (float)random.NextDouble())));
            AssertMarked(e, "MinimumMutualInformation");
        }

        [TestMethod]
        public void CancellationStopsFit()
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            var options = Options("Target", 1, "A", "B");
            options.Mine.CancellationToken = cancellation.Token;
            Assert.ThrowsExactly<OperationCanceledException>(() => Context.Transforms.MutualInformationSelect(options).Fit(Mixed()));
        }
    }
}
