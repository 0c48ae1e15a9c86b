using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>Ranking against features of known mutual information with a regression target.</summary>
    [TestClass]
    public sealed class RankingTests
    {
        private static string path;

        [ClassInitialize]
        public static void WriteData(TestContext _)
        {
            path = Path.Combine(Path.GetTempPath(), $"mine-graduated-{Environment.ProcessId}.csv");
            GraduatedFeatureData.WriteCsv(path, 6000, seed: 21);
        }

        [ClassCleanup]
        public static void DeleteData() => File.Delete(path);

        private static MutualInformationSelectingTransformer Fit(MLContext context, IDataView data, SelectionCandidates candidates = SelectionCandidates.Slots)
            => context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Y",
                InputColumnNames = GraduatedFeatureData.Inputs,
                FeaturesToKeep = 2,
                Candidates = candidates,
                Strategy = SelectionStrategy.Ranking,
                Mine = XorSelectionTests.FastMine(),
            }).Fit(data);

        [TestMethod]
        public void RanksByTrueMutualInformationAndKeepsTheTopTwo()
        {
            var context = new MLContext(seed: 0);
            MutualInformationSelectingTransformer model = Fit(context, GraduatedFeatureData.Load(context, path));
            string ranking = string.Join("\n", model.Ranking);

            CollectionAssert.AreEqual(GraduatedFeatureData.Inputs, model.Ranking.Select(e => e.Name).ToArray(), ranking);
            CollectionAssert.AreEqual(new[] { 1, 2, 3, 4 }, model.Ranking.Select(e => e.Rank).ToArray());
            CollectionAssert.AreEqual(new[] { true, true, false, false }, model.Ranking.Select(e => e.Selected).ToArray());
            for (int i = 0; i < GraduatedFeatureData.Inputs.Length; i++)
            {
                // The foundation issue's tolerance: within 10% of the truth or 0.05 nats.
                double truth = GraduatedFeatureData.Truth(i);
                Assert.AreEqual(truth, model.Ranking[i].MutualInformation, Math.Max(0.05, 0.1 * truth), ranking);
            }
        }

        [TestMethod]
        public void BatchedRankingAgreesWithOneEstimatePerFeature()
        {
            var context = new MLContext(seed: 0);
            IDataView data = GraduatedFeatureData.Load(context, path);
            MutualInformationSelectingTransformer model = Fit(context, data);
            foreach (FeatureRankingEntry entry in model.Ranking)
            {
                MutualInformationEstimate alone = context.Data.EstimateMutualInformation(data, new[] { entry.Name }, new[] { "Y" }, XorSelectionTests.FastMine());
                // Different networks on the same split: they agree within their combined noise (4 standard errors) plus a small bias allowance.
                double tolerance = 4 * Math.Sqrt(alone.StandardError * alone.StandardError + entry.StandardError * entry.StandardError) + 0.02;
                Assert.AreEqual(alone.Nats, entry.MutualInformation, tolerance, $"{entry} vs alone {alone}");
            }
        }

        [TestMethod]
        public void TheSameSeedGivesTheSameRankingBitForBit()
        {
            var first = new MLContext(seed: 0);
            var second = new MLContext(seed: 0);
            double[] a = Fit(first, GraduatedFeatureData.Load(first, path)).Ranking.Select(e => e.MutualInformation).ToArray();
            double[] b = Fit(second, GraduatedFeatureData.Load(second, path)).Ranking.Select(e => e.MutualInformation).ToArray();
            CollectionAssert.AreEqual(a, b);
        }

        [TestMethod]
        public void ColumnCandidatesKeepWholeColumns()
        {
            var context = new MLContext(seed: 0);
            IDataView data = GraduatedFeatureData.Load(context, path);
            // Two vector columns: [A, D] carries A's information, [C, D] only C's.
            IDataView grouped = context.Transforms.Conversion.ConvertType("Df", "D", Microsoft.ML.Data.DataKind.Single)
                .Append(context.Transforms.Concatenate("Strong", "A", "Df"))
                .Append(context.Transforms.Concatenate("Weak", "C", "Df"))
                .Fit(data).Transform(data);
            MutualInformationSelectingTransformer model = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Y",
                InputColumnNames = new[] { "Weak", "Strong" },
                FeaturesToKeep = 1,
                Candidates = SelectionCandidates.Columns,
                Strategy = SelectionStrategy.Ranking,
                Mine = XorSelectionTests.FastMine(),
            }).Fit(grouped);

            string ranking = string.Join("\n", model.Ranking);
            CollectionAssert.AreEqual(new[] { "Strong", "Weak" }, model.Ranking.Select(e => e.Name).ToArray(), ranking);
            Assert.AreEqual(GraduatedFeatureData.Truth(0), model.Ranking[0].MutualInformation, 0.1 * GraduatedFeatureData.Truth(0), ranking);
            float[][] kept = model.Transform(grouped).GetColumn<float[]>("Features").Take(5).ToArray();
            float[][] strong = grouped.GetColumn<float[]>("Strong").Take(5).ToArray();
            for (int i = 0; i < kept.Length; i++)
                CollectionAssert.AreEqual(strong[i], kept[i]);
        }
    }
}
