using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ScottPlot;
using Spectre.Console;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// Shows a ranking on the console and writes ranking.csv, ranking.md and ranking.png, each naming the quantity the
    /// strategy's scores are (<see cref="RankingQuantity"/>).
    /// </summary>
    public static class RankingReport
    {
        /// <summary>Width of the chart at least, in pixels.</summary>
        public const int MinimumWidth = 900;

        /// <summary>The ranking as a console table.</summary>
        public static Table ConsoleTable(IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            RankingQuantity quantity = RankingQuantity.Of(strategy);
            var table = new Table().AddColumns("Rank", "Column", Markup.Escape(quantity.Column) + " (nats)", "± SE", "given", "Kept");
            foreach (FeatureRankingEntry e in ranking)
            {
                table.AddRow(e.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Name), Markup.Escape(Score(e)), F(e.StandardError),
                    RankingQuantity.Given(e), e.Selected ? "[green]yes[/]" : "");
            }
            return table;
        }

        /// <summary>The lines printed under the table: what the scores are, and the note on scores below 0 when there are any.</summary>
        public static IEnumerable<string> Notes(IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            yield return RankingQuantity.Of(strategy).Note;
            if (ranking.Any(e => e.MutualInformation < 0))
                yield return "* " + RankingQuantity.BelowZeroNote;
        }

        /// <summary>Writes the three files into <paramref name="directory"/> and returns their paths.</summary>
        public static string[] Write(string directory, string title, IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            Directory.CreateDirectory(directory);
            string csv = Path.Combine(directory, "ranking.csv");
            string markdown = Path.Combine(directory, "ranking.md");
            string png = Path.Combine(directory, "ranking.png");
            File.WriteAllText(csv, Csv(ranking, strategy));
            File.WriteAllText(markdown, Markdown(title, ranking, strategy));
            var (plot, width, height) = Chart(title, ranking, strategy);
            plot.SavePng(png, width, height);
            return new[] { csv, markdown, png };
        }

        private static string Csv(IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            var text = new StringBuilder($"rank,candidate,{RankingQuantity.Of(strategy).CsvColumn},standard_error_nats,given_columns,selected\n");
            foreach (FeatureRankingEntry e in ranking)
                text.Append(CultureInfo.InvariantCulture, $"{e.Rank},\"{e.Name.Replace("\"", "\"\"")}\",{e.MutualInformation:R},{e.StandardError:R},{e.Given.Count},{(e.Selected ? "true" : "false")}\n");
            return text.ToString();
        }

        private static string Markdown(string title, IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            RankingQuantity quantity = RankingQuantity.Of(strategy);
            var text = new StringBuilder($"# {title}\n\n{quantity.Note}\n\n| Rank | Column | {quantity.Column} (nats) | ± SE | given | Kept |\n|---:|---|---:|---:|---:|:---:|\n");
            foreach (FeatureRankingEntry e in ranking)
                text.Append(CultureInfo.InvariantCulture, $"| {e.Rank} | {e.Name.Replace("|", "\\|")} | {Score(e)} | {F(e.StandardError)} | {RankingQuantity.Given(e)} | {(e.Selected ? "yes" : "")} |\n");
            if (ranking.Any(e => e.MutualInformation < 0))
                text.Append("\n\\* ").Append(RankingQuantity.BelowZeroNote).Append('\n');
            return text.Append("\n![ranking](ranking.png)\n").ToString();
        }

        /// <summary>
        /// Horizontal bars from 0, best at the top, kept ones blue; each error bar (± 1.96 SE of sampling noise) is centred on
        /// the estimate, so a score below 0 shows as a bar of length 0 with its interval reaching across 0.
        /// </summary>
        private static (Plot Plot, int Width, int Height) Chart(string title, IReadOnlyList<FeatureRankingEntry> ranking, SelectionStrategy strategy)
        {
            RankingQuantity quantity = RankingQuantity.Of(strategy);
            var plot = new Plot();
            int n = ranking.Count;
            double[] positions = ranking.Select((_, i) => (double)(n - i)).ToArray();
            var bars = ranking.Select((e, i) => new Bar
            {
                Position = positions[i],
                Value = Math.Max(0, e.MutualInformation),
                FillColor = e.Selected ? Colors.SteelBlue : Colors.LightGray,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            double[] errors = ranking.Select(e => 1.96 * e.StandardError).ToArray();
            var errorBars = new ScottPlot.Plottables.ErrorBar(ranking.Select(e => e.MutualInformation).ToArray(), positions, errors, errors, null, null)
            {
                Color = Colors.Black,
            };
            plot.Add.Plottable(errorBars);
            plot.Axes.Left.SetTicks(positions, ranking.Select(e => e.Name).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Title(title);
            plot.XLabel(quantity.Axis + "; bars ± 1.96 SE");
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "kept", FillColor = Colors.SteelBlue });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "not kept", FillColor = Colors.LightGray });
            if (ranking.Any(e => e.MutualInformation < 0))
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "below 0: within noise, drawn at 0", LineColor = Colors.Black, LineWidth = 1 });
            plot.Legend.Alignment = Alignment.LowerRight;
            plot.ShowLegend();
            // Wide enough for the title, the axis title and the longest column name at the default font sizes.
            int longest = ranking.Count == 0 ? 0 : ranking.Max(e => e.Name.Length);
            int width = Math.Max(MinimumWidth, Math.Max(12 * Math.Max(title.Length, quantity.Axis.Length + 18), 8 * longest + 600));
            return (plot, width, 140 + 24 * n);
        }

        private static string Score(FeatureRankingEntry e) => F(e.MutualInformation) + (e.MutualInformation < 0 ? "*" : "");

        private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
