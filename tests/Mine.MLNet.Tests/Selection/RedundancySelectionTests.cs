using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>
    /// Four near-copies of one signal a, a second signal b and noise (<see cref="RedundantCopiesData"/>): Conditional
    /// keeps one a-column and b, and scores b by what it adds on top of a; Ranking spends both places on copies of a.
    /// </summary>
    [TestClass]
    public sealed class RedundancySelectionTests
    {
        private const int Noise = 6;
        private static string path;

        [ClassInitialize]
        public static void WriteData(TestContext _)
        {
            path = Path.Combine(Path.GetTempPath(), $"mine-redundant-{Environment.ProcessId}.csv");
            RedundantCopiesData.WriteCsv(path, 4000, Noise, seed: 12);
        }

        [ClassCleanup]
        public static void DeleteData() => File.Delete(path);

        private static MutualInformationSelectingTransformer Fit(SelectionStrategy strategy)
        {
            var context = new MLContext(seed: 0);
            return context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = "Y",
                InputColumnNames = RedundantCopiesData.InputColumns(Noise),
                FeaturesToKeep = 2,
                Strategy = strategy,
                Mine = new MineOptions { Seed = 3, MaxSteps = 2000, EarlyStoppingPatience = 5 },
            }).Fit(RedundantCopiesData.Load(context, path, Noise));
        }

        [TestMethod]
        public void ConditionalKeepsOneCopyAndTheSecondSignal()
        {
            MutualInformationSelectingTransformer model = Fit(SelectionStrategy.Conditional);
            string ranking = string.Join("\n", model.Ranking);
            string[] kept = model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();

            Assert.HasCount(2, kept, ranking);
            Assert.IsTrue(RedundantCopiesData.Copies.Contains(kept[0]), ranking);
            Assert.AreEqual("B", kept[1], ranking);
            // B's score is its gain on top of the kept copy: I(b; y | a) = 0.287 nats. The estimate is a lower bound on
            // 600 estimation rows: within 3 standard errors plus 0.05 nats for what the network misses.
            FeatureRankingEntry b = model.Ranking[1];
            Assert.AreEqual(RedundantCopiesData.GainOfBGivenA, b.MutualInformation, 3 * b.StandardError + 0.05, ranking);
            // The other copies add (almost) nothing once one is kept: I(copy; y | kept copy) is close to 0.
            foreach (FeatureRankingEntry copy in model.Ranking.Where(e => !e.Selected && RedundantCopiesData.Copies.Contains(e.Name)))
                Assert.IsLessThan(0.05, copy.MutualInformation, ranking);
        }

        [TestMethod]
        public void RankingKeepsTwoCopiesOfTheSameSignal()
        {
            // The contrast that makes Conditional worth its cost: univariate scores rank the four a-columns first.
            MutualInformationSelectingTransformer model = Fit(SelectionStrategy.Ranking);
            string ranking = string.Join("\n", model.Ranking);
            string[] kept = model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();
            Assert.IsTrue(kept.All(RedundantCopiesData.Copies.Contains), ranking);
        }
    }
}
