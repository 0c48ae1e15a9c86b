using System;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// The trainer learns, follows ML.NET's multiclass output contract (Evaluate and MapKeyToValue work
    /// unchanged), is deterministic under a seed and honours cancellation.
    /// </summary>
    [TestClass]
    public sealed class InformationBottleneckTrainerTests
    {
        /// <summary>
        /// The Bayes classifier errs on about 3.4% of rows (see GaussianClassesData), so any working classifier
        /// clears 90% on 900 test rows (a 1.0% standard error); a broken encoder, decoder or loss does not.
        /// </summary>
        private const double AccuracyBound = 0.90;

        [TestMethod]
        [DataRow(BottleneckEncoder.Gaussian)]
        [DataRow(BottleneckEncoder.Additive)]
        [DataRow(BottleneckEncoder.Propagated)]
        public void EachEncoderTrainsAndEvaluatesAboveTheBound(BottleneckEncoder encoder)
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers
                .InformationBottleneck(BottleneckTestData.Fast(encoder)).Fit(BottleneckTestData.Training(context));
            IDataView scored = model.Transform(BottleneckTestData.Test(context));

            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(scored);
            Assert.IsGreaterThan(AccuracyBound, metrics.MicroAccuracy, $"{encoder}: accuracy {metrics.MicroAccuracy}");
            Assert.IsTrue(double.IsFinite(metrics.LogLoss));
            Assert.HasCount(12, model.History);
            Assert.IsTrue(model.History.All(e => double.IsFinite(e.Loss)), string.Join("\n", model.History));
            Assert.IsGreaterThan(AccuracyBound, model.History[^1].ValidationAccuracy.Value, string.Join("\n", model.History));
            Assert.IsTrue(double.IsFinite(model.MutualInformation) && model.MutualInformation >= 0, $"I(X;Z) = {model.MutualInformation}");
            foreach (float[] score in scored.GetColumn<float[]>("Score"))
                Assert.AreEqual(1.0, score.Sum(), 1e-5);
        }

        [TestMethod]
        public void OutputFollowsTheMulticlassContract()
        {
            var context = new MLContext(seed: 0);
            IDataView test = BottleneckTestData.Test(context);
            IDataView scored = context.MulticlassClassification.Trainers
                .InformationBottleneck(BottleneckTestData.Fast(BottleneckEncoder.Additive)).Fit(BottleneckTestData.Training(context)).Transform(test);

            var slotNames = new VBuffer<ReadOnlyMemory<char>>();
            scored.Schema["Score"].GetSlotNames(ref slotNames);
            CollectionAssert.AreEqual(GaussianClassesData.Classes, slotNames.DenseValues().Select(n => n.ToString()).ToArray());
            Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);
            var keyValues = new VBuffer<ReadOnlyMemory<char>>();
            scored.Schema["PredictedLabel"].GetKeyValues(ref keyValues);
            CollectionAssert.AreEqual(GaussianClassesData.Classes, keyValues.DenseValues().Select(n => n.ToString()).ToArray());

            // PredictedLabel is the arg max of Score, and MapKeyToValue restores the class names.
            IDataView named = context.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel").Fit(scored).Transform(scored);
            float[][] scores = named.GetColumn<float[]>("Score").ToArray();
            string[] predicted = named.GetColumn<string>("PredictedClass").ToArray();
            for (int i = 0; i < scores.Length; i++)
                Assert.AreEqual(GaussianClassesData.Classes[Array.IndexOf(scores[i], scores[i].Max())], predicted[i]);
        }

        [TestMethod]
        public void PromisedSchemaIsDelivered()
        {
            var context = new MLContext(seed: 0);
            IDataView training = BottleneckTestData.Training(context);
            InformationBottleneckTrainer trainer = context.MulticlassClassification.Trainers.InformationBottleneck(BottleneckTestData.Fast(BottleneckEncoder.Additive));
            SchemaShape promised = trainer.GetOutputSchema(SchemaShapes.Of(training.Schema));
            DataViewSchema delivered = trainer.Fit(training).Transform(training).Schema;
            foreach (SchemaShape.Column column in promised)
            {
                DataViewSchema.Column actual = delivered[column.Name];
                DataViewType item = actual.Type is VectorDataViewType vector ? vector.ItemType : actual.Type;
                Assert.AreEqual(column.ItemType.RawType, item.RawType, column.Name);
                Assert.AreEqual(column.IsKey, item is KeyDataViewType, column.Name);
                Assert.AreEqual(column.Kind == SchemaShape.Column.VectorKind.Scalar, actual.Type is not VectorDataViewType, column.Name);
            }
            CollectionAssert.IsSubsetOf(new[] { "Score", "PredictedLabel" }, promised.Select(c => c.Name).ToArray());
            Assert.AreEqual(promised.Count, delivered.Count(c => !c.IsHidden));
        }

        [TestMethod]
        public void BetaZeroTrainsTheBaseline()
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers
                .InformationBottleneck(BottleneckTestData.Fast(BottleneckEncoder.Additive, beta: 0)).Fit(BottleneckTestData.Training(context));
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(BottleneckTestData.Test(context)));
            Assert.IsGreaterThan(AccuracyBound, metrics.MicroAccuracy);
            foreach (InformationBottleneckEpoch epoch in model.History)
                Assert.AreEqual(epoch.CrossEntropy, epoch.Loss, 1e-12, "with beta = 0 the loss is the cross-entropy");
        }

        [TestMethod]
        public void WithoutValidationRowsEveryRowTrainsAndNoAccuracyIsReported()
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Additive);
            options.ValidationFraction = 0;
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(BottleneckTestData.Test(context)));

            Assert.IsGreaterThan(AccuracyBound, metrics.MicroAccuracy);
            Assert.IsTrue(model.History.All(e => e.ValidationAccuracy is null), string.Join("\n", model.History));
            StringAssert.Contains(model.History[^1].ToString(), "no validation rows");
            Assert.IsTrue(double.IsFinite(model.MutualInformation) && double.IsFinite(model.MutualInformationStandardError));
        }

        [TestMethod]
        public void TheSameSeedGivesIdenticalModels()
        {
            float[][] first = Scores(seed: 5), second = Scores(seed: 5), other = Scores(seed: 6);
            for (int i = 0; i < first.Length; i++)
                CollectionAssert.AreEqual(first[i], second[i]);
            Assert.IsTrue(first.Zip(other).Any(p => !p.First.SequenceEqual(p.Second)), "a different seed should give a different model");
        }

        [TestMethod]
        public void CancellationStopsTraining()
        {
            var context = new MLContext(seed: 0);
            using var source = new CancellationTokenSource();
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Gaussian);
            options.NumberOfEpochs = 100000;
            options.CancellationToken = source.Token;
            source.CancelAfter(TimeSpan.FromSeconds(1));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.ThrowsExactly<OperationCanceledException>(() =>
                context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context)));
            Assert.IsLessThan(20.0, watch.Elapsed.TotalSeconds);
        }

        private static float[][] Scores(int seed)
        {
            var context = new MLContext(seed: 0);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Gaussian);
            options.Seed = seed;
            options.NumberOfEpochs = 3;
            options.EvaluationSamples = 4;
            return context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context))
                .Transform(BottleneckTestData.Test(context)).GetColumn<float[]>("Score").ToArray();
        }
    }
}
