using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>
    /// The trained classifier survives Model.Save and Model.Load in a fresh MLContext and in a process without
    /// Mine.MLNet with identical Score values, and its standalone ONNX file gives the same probabilities.
    /// </summary>
    [TestClass]
    public sealed class InformationBottleneckPersistenceTests
    {
        private static string directory;
        private static string dataPath;
        private static InformationBottleneckTransformer model;
        private static IDataView test;

        [ClassInitialize]
        public static void Fit(TestContext _)
        {
            directory = Path.Combine(Path.GetTempPath(), $"mine-ib-persistence-{Environment.ProcessId}");
            Directory.CreateDirectory(directory);
            var context = new MLContext(seed: 0);
            var rows = GaussianClassesData.Rows(300, seed: 9);
            dataPath = Path.Combine(directory, "test.csv");
            GaussianClassesData.WriteCsv(dataPath, rows);
            InformationBottleneckOptions options = BottleneckTestData.Fast(BottleneckEncoder.Gaussian);
            options.EvaluationSamples = 5;
            model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(BottleneckTestData.Training(context));
            test = context.Transforms.SelectColumns("Features").Fit(GaussianClassesData.Load(context, rows)).Transform(GaussianClassesData.Load(context, rows));
        }

        [ClassCleanup]
        public static void Delete() => Directory.Delete(directory, recursive: true);

        [TestMethod]
        public void SaveAndLoadInAFreshContextGiveIdenticalScores()
        {
            string path = Path.Combine(directory, "in-process.zip");
            new MLContext(seed: 0).Model.Save(model, test.Schema, path);
            ITransformer loaded = new MLContext(seed: 1).Model.Load(path, out _);

            DataViewSchema before = model.Transform(test).Schema, after = loaded.Transform(test).Schema;
            CollectionAssert.AreEqual(before.Select(c => (c.Name, c.Type, c.IsHidden)).ToArray(), after.Select(c => (c.Name, c.Type, c.IsHidden)).ToArray());
            float[][] expected = model.Transform(test).GetColumn<float[]>("Score").ToArray();
            float[][] actual = loaded.Transform(test).GetColumn<float[]>("Score").ToArray();
            Assert.HasCount(expected.Length, actual);
            for (int i = 0; i < expected.Length; i++)
                CollectionAssert.AreEqual(expected[i], actual[i]);
            CollectionAssert.AreEqual(model.Transform(test).GetColumn<uint>("PredictedLabel").ToArray(), loaded.Transform(test).GetColumn<uint>("PredictedLabel").ToArray());
        }

        [TestMethod]
        public void ASeparateProcessWithoutMineMLNetGivesIdenticalScores()
        {
            string path = Path.Combine(directory, "other-process.zip");
            new MLContext(seed: 0).Model.Save(model, test.Schema, path);
            string[] lines = ModelLoaderProcess.Run(path, dataPath, "Score");
            Assert.AreEqual(string.Join(",", GaussianClassesData.Classes), lines[0]);
            float[][] expected = model.Transform(test).GetColumn<float[]>("Score").ToArray();
            Assert.HasCount(expected.Length + 1, lines);
            for (int i = 0; i < expected.Length; i++)
                Assert.AreEqual(string.Join(",", expected[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture))), lines[i + 1]);
        }

        [TestMethod]
        public void TheStandaloneOnnxFileGivesTheSameProbabilitiesInOnnxRuntime()
        {
            string path = Path.Combine(directory, "classifier.onnx");
            model.SaveAsOnnx(path);
            float[][] features = test.GetColumn<float[]>("Features").ToArray();
            float[][] expected = model.Transform(test).GetColumn<float[]>("Score").ToArray();

            using var session = new InferenceSession(path);
            var input = new DenseTensor<float>(features.SelectMany(f => f).ToArray(), new[] { features.Length, GaussianClassesData.Width });
            using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("Features", input) });
            float[] probabilities = results.Single(r => r.Name == "probabilities").AsEnumerable<float>().ToArray();
            long[] classes = results.Single(r => r.Name == "predicted_class").AsEnumerable<long>().ToArray();
            for (int i = 0; i < features.Length; i++)
            {
                for (int c = 0; c < 3; c++)
                    Assert.AreEqual(expected[i][c], probabilities[i * 3 + c], 1e-5);
                Assert.AreEqual(Array.IndexOf(expected[i], expected[i].Max()), (int)classes[i]);
            }
        }
    }
}
