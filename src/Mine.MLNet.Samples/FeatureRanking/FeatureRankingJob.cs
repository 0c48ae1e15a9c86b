using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Spectre.Console;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// Ranks the numeric columns of a CSV/TSV file against a label column with
    /// <c>mlContext.Transforms.MutualInformationSelect</c>, shows progress, prints the ranking and writes
    /// ranking.csv, ranking.md and ranking.png. Every problem with the input or the arguments is one line on the error
    /// stream naming the file, line or column, and exit code 2.
    /// </summary>
    public static class FeatureRankingJob
    {
        /// <summary>The exit code for bad input or arguments.</summary>
        public const int BadInput = 2;

        /// <summary>Runs the job; returns the process exit code (0, or <see cref="BadInput"/>).</summary>
        public static int Run(FeatureRankingJobOptions options)
        {
            try
            {
                return Rank(options);
            }
            catch (JobInputException e)
            {
                return Fail(e.Message);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidDataException or FormatException or IOException)
            {
                // ML.NET's and Mine.MLNet's own checks name the column; the job adds the file where they do not.
                return Fail(e.Message.Contains(options.DataPath, StringComparison.Ordinal) ? e.Message : $"{options.DataPath}: {e.Message}");
            }
        }

        private static int Rank(FeatureRankingJobOptions options)
        {
            if (options.Keep < 1)
                throw new JobInputException($"--keep is {options.Keep}; keep at least 1 column.");
            if (options.Steps < 1)
                throw new JobInputException($"--steps is {options.Steps}; give at least 1 training step.");
            if (options.Threads is < 1)
                throw new JobInputException($"--threads is {options.Threads}; give at least 1, or leave it out for automatic.");
            if (!File.Exists(options.DataPath))
                throw new JobInputException($"No such file: {options.DataPath}");
            var context = new MLContext(seed: options.Seed);
            DelimitedFileSchema schema = DelimitedFileSchema.Infer(context, options.DataPath, options.Separator);
            int labelIndex = schema.Names.ToList().IndexOf(options.Label);
            if (labelIndex < 0)
                throw new JobInputException($"{options.DataPath}: no column '{options.Label}'. Columns: {string.Join(", ", schema.Names)}");
            string[] features = schema.Names.Where((name, i) => i != labelIndex && schema.IsNumeric[i]).ToArray();
            if (features.Length == 0)
                throw new JobInputException($"{options.DataPath}: no numeric column to rank besides the label '{options.Label}' (a column is numeric when its values parse as numbers).");
            string[] ignored = schema.Names.Where((name, i) => i != labelIndex && !schema.IsNumeric[i]).ToArray();
            if (ignored.Length > 0)
                AnsiConsole.MarkupLine($"[yellow]Not numeric, not ranked:[/] {Markup.Escape(string.Join(", ", ignored))}");

            IDataView data = context.Data.LoadFromTextFile(options.DataPath, schema.LoaderOptions());
            // A text label is a set of classes: ML.NET's key type, made in place so that every message names the user's
            // column. Empty and "?" fields are missing values, as in the numeric columns: those rows are skipped.
            bool textLabel = !schema.IsNumeric[labelIndex];
            if (textLabel)
                data = LabelAsKey(context, data, options.Label);
            long rows = Count(data);
            if (rows == 0)
                throw new JobInputException($"{options.DataPath}: no data rows under the header.");
            IDataView labelled = context.Data.FilterRowsByMissingValues(data, options.Label);
            long missing = rows - Count(labelled);
            if (missing == rows)
                throw new JobInputException($"{options.DataPath}: every row's '{options.Label}' is missing (empty or ?).");
            if (missing > 0)
                AnsiConsole.MarkupLine($"[yellow]Skipped {missing} of {rows} rows with no '{Markup.Escape(options.Label)}' value.[/]");

            var mine = new MineOptions { MaxSteps = options.Steps, Seed = options.Seed, NumberOfThreads = options.Threads };
            int keep = Math.Min(options.Keep, features.Length);
            var select = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = options.Label,
                InputColumnNames = features,
                FeaturesToKeep = keep,
                Strategy = options.Strategy,
                Mine = mine,
            });
            AnsiConsole.MarkupLine($"Ranking [bold]{features.Length}[/] columns of [bold]{Markup.Escape(Path.GetFileName(options.DataPath))}[/] against [bold]{Markup.Escape(options.Label)}[/] ({(textLabel ? "classes" : "numeric")}), strategy {options.Strategy}, keeping {keep}.");

            MutualInformationSelectingTransformer model = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask("MINE training", maxValue: 1);
                    // Reports arrive on training threads, one at a time; Spectre's task is safe to update from them.
                    mine.Progress = new ProgressCallback<MineProgress>(report =>
                    {
                        task.Description = Markup.Escape(report.Stage);
                        task.Value = (double)report.Step / report.MaxSteps;
                    });
                    model = select.Fit(labelled);
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

        /// <summary>The text label <paramref name="label"/> as a key column of the same name; "" and "?" become missing keys.</summary>
        private static IDataView LabelAsKey(MLContext context, IDataView data, string label)
        {
            string[] classes = data.GetColumn<ReadOnlyMemory<char>>(label).Select(v => v.ToString())
                .Where(v => v.Length > 0 && v != "?").Distinct().OrderBy(v => v, StringComparer.Ordinal).ToArray();
            IDataView keys = context.Data.LoadFromEnumerable(classes.Select(c => new ClassName { Value = c }));
            return context.Transforms.Conversion.MapValueToKey(label, label, keyData: keys).Fit(data).Transform(data);
        }

        private static long Count(IDataView data)
        {
            long count = 0;
            using DataViewRowCursor cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
            while (cursor.MoveNext())
                count++;
            return count;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine(message);
            return BadInput;
        }

        private sealed class ClassName
        {
            public string Value { get; set; }
        }

        /// <summary>A problem with the job's input or arguments, already worded for the user.</summary>
        private sealed class JobInputException : Exception
        {
            public JobInputException(string message)
                : base(message)
            {
            }
        }
    }
}
