using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>
    /// The fitted selector keeps its promise: the schema GetOutputSchema announced, unchanged inputs, and the
    /// same values after Model.Save and Model.Load in a fresh MLContext and in a process without Mine.MLNet.
    /// </summary>
    [TestClass]
    public sealed class SelectionPersistenceTests
    {
        private static string directory;
        private static string dataPath;
        private static MutualInformationSelectingEstimator estimator;
        private static MutualInformationSelectingTransformer model;
        private static IDataView data;

        [ClassInitialize]
        public static void Fit(TestContext _)
        {
            directory = Path.Combine(Path.GetTempPath(), $"mine-persistence-{Environment.ProcessId}");
            Directory.CreateDirectory(directory);
            dataPath = Path.Combine(directory, "data.csv");
            GraduatedFeatureData.WriteCsv(dataPath, 3000, seed: 8);
            var context = new MLContext(seed: 0);
            data = GraduatedFeatureData.Load(context, dataPath);
            estimator = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Kept",
                LabelColumnName = "Y",
                InputColumnNames = GraduatedFeatureData.Inputs,
                FeaturesToKeep = 3,
                Strategy = SelectionStrategy.Ranking,
                Mine = XorSelectionTests.FastMine(),
            });
            model = estimator.Fit(data);
        }

        [ClassCleanup]
        public static void Delete() => Directory.Delete(directory, recursive: true);

        [TestMethod]
        public void DeliversThePromisedSchemaAndLeavesTheInputsAlone()
        {
            SchemaShape promised = estimator.GetOutputSchema(SchemaShapes.Of(data.Schema));
            DataViewSchema delivered = model.Transform(data).Schema;

            var visible = delivered.Where(c => !c.IsHidden).ToArray();
            CollectionAssert.AreEqual(promised.Select(c => c.Name).ToArray(), visible.Select(c => c.Name).ToArray());
            foreach (SchemaShape.Column column in promised)
            {
                DataViewType type = delivered[column.Name].Type;
                Assert.AreEqual(column.ItemType, type is VectorDataViewType v ? v.ItemType : type, column.Name);
            }
            SchemaShape.Column kept = promised.Single(c => c.Name == "Kept");
            Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, kept.Kind);
            Assert.IsTrue(kept.Annotations.Any(a => a.Name == AnnotationUtilsSlotNames));
            for (int i = 0; i < data.Schema.Count; i++)
                Assert.AreEqual(data.Schema[i].Type, delivered[data.Schema[i].Name].Type, "inputs keep their type");

            var names = new VBuffer<ReadOnlyMemory<char>>();
            delivered["Kept"].GetSlotNames(ref names);
            CollectionAssert.AreEqual(new[] { "A", "B", "C" }, names.DenseValues().Select(n => n.ToString()).ToArray());
            double[] b = data.GetColumn<double>("B").ToArray();
            float[][] output = model.Transform(data).GetColumn<float[]>("Kept").ToArray();
            for (int i = 0; i < b.Length; i++)
                Assert.AreEqual((float)b[i], output[i][1], "a Double input is converted to Single");
        }

        private const string AnnotationUtilsSlotNames = "SlotNames";

        [TestMethod]
        public void SaveAndLoadInAFreshContextGiveIdenticalValues()
        {
            string path = Path.Combine(directory, "in-process.zip");
            new MLContext(seed: 0).Model.Save(model, data.Schema, path);
            var fresh = new MLContext(seed: 1);
            ITransformer loaded = fresh.Model.Load(path, out DataViewSchema inputSchema);
            IDataView freshData = GraduatedFeatureData.Load(fresh, dataPath);

            Assert.AreEqual(data.Schema.Count, inputSchema.Count);
            DataViewSchema before = model.Transform(data).Schema, after = loaded.Transform(freshData).Schema;
            CollectionAssert.AreEqual(before.Select(c => (c.Name, c.Type, c.IsHidden)).ToArray(), after.Select(c => (c.Name, c.Type, c.IsHidden)).ToArray());
            float[][] expected = model.Transform(data).GetColumn<float[]>("Kept").ToArray();
            float[][] actual = loaded.Transform(freshData).GetColumn<float[]>("Kept").ToArray();
            Assert.HasCount(expected.Length, actual);
            for (int i = 0; i < expected.Length; i++)
                CollectionAssert.AreEqual(expected[i], actual[i]);
        }

        [TestMethod]
        public void ASeparateProcessWithoutMineMLNetLoadsTheModel()
        {
            string path = Path.Combine(directory, "other-process.zip");
            new MLContext(seed: 0).Model.Save(model, data.Schema, path);
            string[] lines = ModelLoaderProcess.Run(path, dataPath, "Kept");
            Assert.AreEqual("A,B,C", lines[0]);
            float[][] expected = model.Transform(data).GetColumn<float[]>("Kept").ToArray();
            Assert.HasCount(expected.Length + 1, lines);
            for (int i = 0; i < expected.Length; i++)
                Assert.AreEqual(string.Join(",", expected[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture))), lines[i + 1]);
        }
    }
}
