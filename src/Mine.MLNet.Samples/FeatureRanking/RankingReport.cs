using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ScottPlot;
using Spectre.Console;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>Shows a ranking on the console and writes ranking.csv, ranking.md and ranking.png.</summary>
    public static class RankingReport
    {
        /// <summary>The ranking as a console table.</summary>
        public static Table ConsoleTable(IReadOnlyList<FeatureRankingEntry> ranking)
        {
            var table = new Table().AddColumns("Rank", "Candidate", "MI (nats)", "± SE", "± 1.96 SE (sampling)", "Kept");
            foreach (FeatureRankingEntry e in ranking)
            {
                table.AddRow(e.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Name), F(e.MutualInformation), F(e.StandardError),
                    Markup.Escape($"[{F(e.MutualInformation - 1.96 * e.StandardError)}, {F(e.MutualInformation + 1.96 * e.StandardError)}]"),
                    e.Selected ? "[green]yes[/]" : "");
            }
            return table;
        }

        /// <summary>Writes the three files into <paramref name="directory"/> and returns their paths.</summary>
        public static string[] Write(string directory, string title, IReadOnlyList<FeatureRankingEntry> ranking)
        {
            Directory.CreateDirectory(directory);
            string csv = Path.Combine(directory, "ranking.csv");
            string markdown = Path.Combine(directory, "ranking.md");
            string png = Path.Combine(directory, "ranking.png");
            File.WriteAllText(csv, Csv(ranking));
            File.WriteAllText(markdown, Markdown(title, ranking));
            Chart(title, ranking).SavePng(png, 900, 120 + 24 * ranking.Count);
            return new[] { csv, markdown, png };
        }

        private static string Csv(IReadOnlyList<FeatureRankingEntry> ranking)
        {
            var text = new StringBuilder("rank,candidate,mutual_information_nats,standard_error_nats,selected\n");
            foreach (FeatureRankingEntry e in ranking)
                text.Append(CultureInfo.InvariantCulture, $"{e.Rank},\"{e.Name.Replace("\"", "\"\"")}\",{e.MutualInformation:R},{e.StandardError:R},{(e.Selected ? "true" : "false")}\n");
            return text.ToString();
        }

        private static string Markdown(string title, IReadOnlyList<FeatureRankingEntry> ranking)
        {
            var text = new StringBuilder($"# {title}\n\n| Rank | Candidate | MI (nats) | ± SE | Kept |\n|---:|---|---:|---:|:---:|\n");
            foreach (FeatureRankingEntry e in ranking)
                text.Append(CultureInfo.InvariantCulture, $"| {e.Rank} | {e.Name.Replace("|", "\\|")} | {F(e.MutualInformation)} | {F(e.StandardError)} | {(e.Selected ? "yes" : "")} |\n");
            return text.Append("\n![ranking](ranking.png)\n").ToString();
        }

        private static Plot Chart(string title, IReadOnlyList<FeatureRankingEntry> ranking)
        {
            var plot = new Plot();
            int n = ranking.Count;
            // Best at the top: rank 1 gets the highest position.
            var bars = ranking.Select((e, i) => new Bar
            {
                Position = n - i,
                Value = e.MutualInformation,
                Error = 1.96 * e.StandardError,
                FillColor = e.Selected ? Colors.SteelBlue : Colors.LightGray,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plot.Axes.Left.SetTicks(ranking.Select((_, i) => (double)(n - i)).ToArray(), ranking.Select(e => e.Name).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Title(title);
            plot.XLabel("mutual information with the label (nats), bars ± 1.96 SE of sampling noise; blue = kept");
            return plot;
        }

        private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
