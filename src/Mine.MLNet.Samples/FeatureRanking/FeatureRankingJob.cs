using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Spectre.Console;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// Ranks the numeric columns of a CSV/TSV file against a label column with
    /// <c>mlContext.Transforms.MutualInformationSelect</c>, shows progress, prints the ranking and writes
    /// ranking.csv, ranking.md and ranking.png.
    /// </summary>
    public static class FeatureRankingJob
    {
        private const string LabelKeyColumn = "__Label";

        /// <summary>Runs the job; returns the process exit code.</summary>
        public static int Run(FeatureRankingJobOptions options)
        {
            if (!File.Exists(options.DataPath))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(options.DataPath)}");
                return 2;
            }
            var context = new MLContext(seed: options.Seed);
            DelimitedFileSchema schema;
            try
            {
                schema = DelimitedFileSchema.Infer(context, options.DataPath, options.Separator);
            }
            catch (InvalidDataException e)
            {
                AnsiConsole.MarkupLine($"[red]Cannot read the header:[/] {Markup.Escape(e.Message)}");
                return 2;
            }
            int labelIndex = schema.Names.ToList().IndexOf(options.Label);
            if (labelIndex < 0)
            {
                AnsiConsole.MarkupLine($"[red]No column '{Markup.Escape(options.Label)}'[/] in {Markup.Escape(options.DataPath)}. Columns: {Markup.Escape(string.Join(", ", schema.Names))}");
                return 2;
            }
            string[] features = schema.Names.Where((name, i) => i != labelIndex && schema.IsNumeric[i]).ToArray();
            string[] ignored = schema.Names.Where((name, i) => i != labelIndex && !schema.IsNumeric[i]).ToArray();
            if (ignored.Length > 0)
                AnsiConsole.MarkupLine($"[yellow]Not numeric, not ranked:[/] {Markup.Escape(string.Join(", ", ignored))}");

            IDataView data = context.Data.LoadFromTextFile(options.DataPath, schema.LoaderOptions());
            // A text label is a set of classes: ML.NET's key type. A numeric one is used as it is (a regression target).
            bool textLabel = !schema.IsNumeric[labelIndex];
            IEstimator<ITransformer> labelling = textLabel
                ? context.Transforms.Conversion.MapValueToKey(LabelKeyColumn, options.Label)
                : context.Transforms.CopyColumns(LabelKeyColumn, options.Label);
            data = labelling.Fit(data).Transform(data);

            var mine = new MineOptions { MaxSteps = options.Steps, Seed = options.Seed, NumberOfThreads = options.Threads };
            var select = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = LabelKeyColumn,
                InputColumnNames = features,
                FeaturesToKeep = Math.Min(options.Keep, features.Length),
                Strategy = options.Strategy,
                Mine = mine,
            });
            AnsiConsole.MarkupLine($"Ranking [bold]{features.Length}[/] columns of [bold]{Markup.Escape(Path.GetFileName(options.DataPath))}[/] against [bold]{Markup.Escape(options.Label)}[/] ({(textLabel ? "classes" : "numeric")}), strategy {options.Strategy}, keeping {Math.Min(options.Keep, features.Length)}.");

            MutualInformationSelectingTransformer model = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask("MINE training", maxValue: 1);
                    // Reports arrive on the training thread, in order; Spectre's task is safe to update from it.
                    mine.Progress = new ProgressCallback<MineProgress>(report =>
                    {
                        task.Description = Markup.Escape(report.Stage);
                        task.Value = (double)report.Step / report.MaxSteps;
                    });
                    model = select.Fit(data);
                    task.Value = 1;
                    task.StopTask();
                });

            AnsiConsole.Write(RankingReport.ConsoleTable(model.Ranking, options.Strategy));
            foreach (string note in RankingReport.Notes(model.Ranking, options.Strategy))
                AnsiConsole.MarkupLine(Markup.Escape(note));
            string title = $"{Path.GetFileName(options.DataPath)}: MINE {options.Strategy} against '{options.Label}'";
            foreach (string written in RankingReport.Write(options.OutputDirectory, title, model.Ranking, options.Strategy))
                AnsiConsole.MarkupLine($"Wrote [link]{Markup.Escape(written)}[/]");
            return 0;
        }
    }
}
