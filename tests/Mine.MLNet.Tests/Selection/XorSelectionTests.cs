using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>y = sign(x1 x2) among 20 noise columns: Joint keeps x1 and x2, Ranking cannot see them.</summary>
    [TestClass]
    public sealed class XorSelectionTests
    {
        private const int Noise = 20;
        private static string path;

        [ClassInitialize]
        public static void WriteData(TestContext _)
        {
            path = Path.Combine(Path.GetTempPath(), $"mine-xor-{Environment.ProcessId}.csv");
            XorData.WriteCsv(path, 4000, Noise, seed: 11);
        }

        [ClassCleanup]
        public static void DeleteData() => File.Delete(path);

        internal static MineOptions FastMine() => new MineOptions
        {
            HiddenLayerSizes = new[] { 64, 64 },
            MaxSteps = 2000,
            EarlyStoppingPatience = 5,
            Seed = 5,
        };

        [TestMethod]
        public void JointKeepsTheInteractingPairAndOutputsTheirValues()
        {
            var context = new MLContext(seed: 0);
            IDataView data = XorData.Load(context, path, Noise);
            var estimator = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Selected",
                LabelColumnName = "Y",
                InputColumnNames = XorData.InputColumns(Noise),
                FeaturesToKeep = 2,
                Strategy = SelectionStrategy.Joint,
                Mine = FastMine(),
            });
            MutualInformationSelectingTransformer model = estimator.Fit(data);
            string ranking = string.Join("\n", model.Ranking);

            CollectionAssert.AreEquivalent(new[] { "X1", "X2" }, model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray(), ranking);
            Assert.HasCount(2 + Noise, model.Ranking);
            // Each of x1, x2 adds about ln 2 on top of the other; the truth is ln 2 = 0.693 nats for the pair.
            foreach (FeatureRankingEntry kept in model.Ranking.Take(2))
                Assert.IsGreaterThan(0.4, kept.MutualInformation, ranking);

            IDataView output = model.Transform(data);
            DataViewSchema.Column selected = output.Schema["Selected"];
            Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2), selected.Type);
            var names = new VBuffer<ReadOnlyMemory<char>>();
            selected.GetSlotNames(ref names);
            CollectionAssert.AreEqual(new[] { "X1", "X2" }, names.DenseValues().Select(n => n.ToString()).ToArray());
            float[][] vectors = output.GetColumn<float[]>("Selected").ToArray();
            float[] x1 = output.GetColumn<float>("X1").ToArray();
            float[] x2 = output.GetColumn<float>("X2").ToArray();
            for (int i = 0; i < vectors.Length; i++)
                CollectionAssert.AreEqual(new[] { x1[i], x2[i] }, vectors[i]);
        }

        [TestMethod]
        public void RankingScoresEachHalfOfTheInteractionAsNoise()
        {
            var context = new MLContext(seed: 0);
            IDataView data = XorData.Load(context, path, Noise);
            MutualInformationSelectingTransformer model = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Y",
                InputColumnNames = XorData.InputColumns(Noise),
                Strategy = SelectionStrategy.Ranking,
                FeaturesToKeep = 2,
                Mine = FastMine(),
            }).Fit(data);

            string ranking = string.Join("\n", model.Ranking);
            foreach (FeatureRankingEntry entry in model.Ranking)
                Assert.IsLessThan(0.05, entry.MutualInformation, ranking);
        }
    }
}
