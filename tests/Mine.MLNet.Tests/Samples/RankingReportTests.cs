using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Samples.FeatureRanking;

namespace Mine.MLNet.Tests.Samples
{
    /// <summary>The ranking job's reports name the quantity each strategy scores, and call a score below 0 what it is.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class RankingReportTests
    {
        private static readonly FeatureRankingEntry[] Ranking =
        {
            new("mean_concave_points", 1, 0.3261, 0.0727, true, Array.Empty<string>()),
            new("worst_texture", 2, 0.1661, 0.0564, true, new[] { "mean_concave_points" }),
            new("smoothness_error", 3, -0.0460, 0.0210, false, new[] { "mean_concave_points", "worst_texture" }),
        };

        [TestMethod]
        [DataRow(SelectionStrategy.Ranking, "mutual_information_nats", "I(column; label)")]
        [DataRow(SelectionStrategy.Conditional, "gain_when_added_nats", "gain when added")]
        [DataRow(SelectionStrategy.Joint, "loss_without_nats", "loss without it")]
        [DataRow(SelectionStrategy.Shapley, "gain_given_kept_nats", "gain given the kept")]
        public void EveryReportNamesTheStrategysQuantity(SelectionStrategy strategy, string csvColumn, string column)
        {
            string directory = Path.Combine(Path.GetTempPath(), $"mine-report-{Guid.NewGuid():N}");
            try
            {
                RankingReport.Write(directory, "table.csv: MINE against 'label'", Ranking, strategy);
                string[] csv = File.ReadAllLines(Path.Combine(directory, "ranking.csv"));
                Assert.AreEqual($"rank,candidate,{csvColumn},standard_error_nats,given_columns,selected", csv[0]);
                StringAssert.EndsWith(csv[2], ",1,true", "worst_texture is given one column and kept");
                string markdown = File.ReadAllText(Path.Combine(directory, "ranking.md"));
                StringAssert.Contains(markdown, $"| {column} (nats) |");
                StringAssert.Contains(markdown, RankingQuantity.Of(strategy).Note);
                Assert.IsTrue(new FileInfo(Path.Combine(directory, "ranking.png")).Length > 1000, "a chart was drawn");
                Assert.IsFalse(markdown.Contains("mutual information with the label (nats)"), "no strategy's scores are all called mutual information");
            }
            finally
            {
                if (Directory.Exists(directory))
                    Directory.Delete(directory, recursive: true);
            }
        }

        [TestMethod]
        public void AScoreBelowZeroIsMarkedAsAGainWithinNoise()
        {
            string directory = Path.Combine(Path.GetTempPath(), $"mine-report-{Guid.NewGuid():N}");
            try
            {
                RankingReport.Write(directory, "t", Ranking, SelectionStrategy.Conditional);
                string markdown = File.ReadAllText(Path.Combine(directory, "ranking.md"));
                StringAssert.Contains(markdown, "| -0.0460* |");
                StringAssert.Contains(markdown, RankingQuantity.BelowZeroNote);
                CollectionAssert.Contains(RankingReport.Notes(Ranking, SelectionStrategy.Conditional).ToArray(), "* " + RankingQuantity.BelowZeroNote);
                // Without a score below 0 there is no such note.
                Assert.HasCount(1, RankingReport.Notes(Ranking.Take(2).ToArray(), SelectionStrategy.Conditional).ToArray());
            }
            finally
            {
                if (Directory.Exists(directory))
                    Directory.Delete(directory, recursive: true);
            }
        }
    }
}
