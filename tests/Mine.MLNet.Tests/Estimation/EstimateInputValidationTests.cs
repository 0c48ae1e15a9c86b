using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Bad input fails early with a marked exception that names the column or option.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class EstimateInputValidationTests
    {
        private static readonly MLContext Context = new MLContext(seed: 1);

        private static void AssertMarked(Exception e)
            => Assert.IsTrue(e.Data.Contains("ML_IsMarked"), $"not marked by ML.NET: {e}");

        [TestMethod]
        public void MissingColumnIsNamed()
        {
            IDataView data = CorrelatedGaussians.Load(Context, 500, 1, 0.5, 1);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Nope" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "'Nope'");
            AssertMarked(e);
        }

        [TestMethod]
        public void TextColumnIsRefusedWithTheExpectedTypes()
        {
            IDataView data = MineTestData.Mixed(Context, 500, 1);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "Text" }, new[] { "Target" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "'Text'");
            StringAssert.Contains(e.Message, "expected Single, Double, integer, Boolean or key");
            StringAssert.Contains(e.Message, "got String");
            AssertMarked(e);
        }

        [TestMethod]
        public void VariableLengthVectorIsRefused()
        {
            IDataView data = MineTestData.Mixed(Context, 500, 1);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "A" }, new[] { "Ragged" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "'Ragged'");
            StringAssert.Contains(e.Message, "Vector<Single>");
        }

        [TestMethod]
        public void ColumnOnBothSidesIsRefused()
        {
            IDataView data = MineTestData.Mixed(Context, 500, 1);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "A", "B" }, new[] { "B" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "'B'");
            AssertMarked(e);
        }

        [TestMethod]
        public void EmptyAndDuplicateColumnListsAreRefused()
        {
            IDataView data = MineTestData.Mixed(Context, 500, 1);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, Array.Empty<string>(), new[] { "B" }));
            Assert.ThrowsExactly<ArgumentNullException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "A" }, null));
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "A", "A" }, new[] { "B" }));
            StringAssert.Contains(e.Message, "'A'");
        }

        [TestMethod]
        public void EmptyDataIsRefused()
        {
            IDataView data = CorrelatedGaussians.Load(Context, 0, 1, 0.5, 1);
            var e = Assert.ThrowsExactly<InvalidOperationException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "no rows");
            AssertMarked(e);
        }

        [TestMethod]
        public void TooFewRowsToHoldOutTwoPartsAreRefused()
        {
            // One split (Fast): 20 training rows and 10 in each held-out part need 65 rows with ValidationFraction 0.3 (round(0.3 x 65) = 20 held out).
            IDataView data = CorrelatedGaussians.Load(Context, 60, 1, 0.5, 1);
            var e = Assert.ThrowsExactly<InvalidOperationException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, MineTestData.Fast()));
            StringAssert.Contains(e.Message, "at least 65 usable rows");
            StringAssert.Contains(e.Message, "Got 60");
            StringAssert.Contains(e.Message, "Add rows.");
            AssertMarked(e);
        }

        [TestMethod]
        public void ATinyValidationFractionIsNamedAsTheCause()
        {
            IDataView data = CorrelatedGaussians.Load(Context, 2000, 1, 0.5, 1);
            MineOptions options = MineTestData.Fast();
            options.ValidationFraction = 0.001;
            var e = Assert.ThrowsExactly<InvalidOperationException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options));
            StringAssert.Contains(e.Message, "MineOptions.ValidationFraction = 0.001 holds out too few rows; raise it");
            Assert.IsFalse(e.Message.Contains("BatchSize"), e.Message);
        }

        [TestMethod]
        public void ABatchLargerThanTheTableTrainsOnEveryTrainingRow()
        {
            // int.MaxValue once made the row-count check loop forever; a batch above the training rows now means all of them.
            IDataView data = CorrelatedGaussians.Load(Context, 1000, 1, 0.8, 1);
            MineOptions options = MineTestData.Fast();
            options.BatchSize = int.MaxValue;
            MutualInformationEstimate estimate = Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options);
            double truth = CorrelatedGaussians.TrueMutualInformation(1, 0.8);
            Assert.AreEqual(truth, estimate.Nats, 4 * estimate.StandardError + 0.1 * truth, estimate.ToString());
        }

        public static IEnumerable<object[]> BadOptions()
        {
            yield return new object[] { new MineOptions { BatchSize = 1 }, "BatchSize" };
            yield return new object[] { new MineOptions { MaxSteps = 0 }, "MaxSteps" };
            yield return new object[] { new MineOptions { LearningRate = double.NaN }, "LearningRate" };
            yield return new object[] { new MineOptions { MovingAverageRate = 0 }, "MovingAverageRate" };
            yield return new object[] { new MineOptions { ValidationFraction = 1 }, "ValidationFraction" };
            yield return new object[] { new MineOptions { EarlyStoppingPatience = 0 }, "EarlyStoppingPatience" };
            yield return new object[] { new MineOptions { HiddenLayerSizes = new[] { 10, 0 } }, "HiddenLayerSizes" };
            yield return new object[] { new MineOptions { Bound = (MineBound)42 }, "Bound" };
            yield return new object[] { new MineOptions { SmileClip = -1 }, "SmileClip" };
            yield return new object[] { new MineOptions { CrossFittingFolds = -1 }, "CrossFittingFolds" };
            yield return new object[] { new MineOptions { CrossFittingFolds = 21 }, "CrossFittingFolds" };
            yield return new object[] { new MineOptions { NumberOfThreads = 0 }, "NumberOfThreads" };
        }

        [TestMethod]
        [DynamicData(nameof(BadOptions))]
        public void BadOptionIsNamed(MineOptions options, string name)
        {
            IDataView data = CorrelatedGaussians.Load(Context, 500, 1, 0.5, 1);
            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => Context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" }, options));
            Assert.AreEqual(name, e.ParamName);
            StringAssert.Contains(e.Message, "MineOptions." + name);
            AssertMarked(e);
        }
    }
}
