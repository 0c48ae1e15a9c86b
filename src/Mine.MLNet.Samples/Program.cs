using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Mine.MLNet.Samples.FeatureRanking;

namespace Mine.MLNet.Samples
{
    /// <summary>
    /// The feature-ranking job (<c>rank</c>, also what runs with no arguments or with a file first, as the <c>mine-rank</c>
    /// tool is used) and the samples runner (<c>list</c>, <c>run NAME</c>, <c>all</c>).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            var data = new Option<string>("--data") { Description = "CSV or TSV file with a header row", DefaultValueFactory = _ => Bundled("breast-cancer-wisconsin.csv") };
            var label = new Option<string>("--label") { Description = "The label column (numeric, or text for classes)", DefaultValueFactory = _ => "diagnosis" };
            var strategy = new Option<SelectionStrategy>("--strategy") { Description = "Shapley (forward selection by Shapley value: sees interactions and redundancy), Ranking (each column's own mutual information), Conditional (forward selection by what each column adds, one network per subset) or Joint (backward elimination)", DefaultValueFactory = _ => SelectionStrategy.Shapley };
            var keep = new Option<int>("--keep") { Description = "How many columns to keep", DefaultValueFactory = _ => 5 };
            var steps = new Option<int>("--steps") { Description = "The most MINE training steps per network", DefaultValueFactory = _ => new MineOptions().MaxSteps };
            var seed = new Option<int>("--seed") { Description = "Seed of the MLContext and of MINE", DefaultValueFactory = _ => 0 };
            var output = new Option<string>("--out") { Description = "Directory for ranking.csv, ranking.md and ranking.png", DefaultValueFactory = _ => "ranking-output" };
            var threads = new Option<int?>("--threads") { Description = "The most CPU threads MINE uses; automatic when left out (the cores other processes leave idle)" };
            var separator = new Option<string>("--separator") { Description = "Column separator (e.g. , ; tab); inferred from the header when left out" };

            var rank = new Command("rank", "Rank the columns of a CSV/TSV file by MINE mutual information with a label column")
            {
                data, label, strategy, keep, steps, seed, output, separator, threads,
            };
            rank.SetAction(parsed => FeatureRankingJob.Run(new FeatureRankingJobOptions
            {
                DataPath = parsed.GetValue(data),
                Label = parsed.GetValue(label),
                Strategy = parsed.GetValue(strategy),
                Keep = parsed.GetValue(keep),
                Steps = parsed.GetValue(steps),
                Seed = parsed.GetValue(seed),
                OutputDirectory = parsed.GetValue(output),
                Separator = ParseSeparator(parsed.GetValue(separator)),
                Threads = parsed.GetValue(threads),
            }));

            var list = new Command("list", "List the samples");
            list.SetAction(_ =>
            {
                foreach (string name in SampleCatalog.All.Keys)
                    Console.WriteLine(name);
                return 0;
            });

            var sampleName = new Argument<string>("name") { Description = "A sample's name, as `list` prints it" };
            var run = new Command("run", "Run one sample") { sampleName };
            run.SetAction(parsed => RunSample(parsed.GetValue(sampleName)));

            var all = new Command("all", "Run every sample");
            all.SetAction(_ => SampleCatalog.All.Keys.Select(RunSample).Max());

            var root = new RootCommand("Mine.MLNet: the feature-ranking job and the samples. With no command, ranks the bundled Breast Cancer Wisconsin data; FILE [options] (as the mine-rank tool is used) is rank --data FILE [options].")
            {
                rank, list, run, all,
            };
            root.SetAction(_ => rank.Parse(Array.Empty<string>()).Invoke());
            return root.Parse(WithDataFirst(args, root)).Invoke();
        }

        /// <summary>
        /// <c>FILE [options]</c>, the form the <c>mine-rank</c> tool is used in, as <c>rank --data FILE [options]</c>: a first
        /// argument that is neither a command nor an option names the data.
        /// </summary>
        private static string[] WithDataFirst(string[] args, RootCommand root)
            => args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0])
                ? new[] { "rank", "--data" }.Concat(args).ToArray()
                : args;

        private static int RunSample(string name)
        {
            if (!SampleCatalog.All.TryGetValue(name, out Action sample))
            {
                Console.Error.WriteLine($"Unknown sample '{name}'. Samples: {string.Join(", ", SampleCatalog.All.Keys)}");
                return 2;
            }
            Console.WriteLine($"== {name}");
            sample();
            return 0;
        }

        private static string Bundled(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

        private static char? ParseSeparator(string value) => value switch
        {
            null or "" => null,
            "tab" or "\\t" => '\t',
            _ => value[0],
        };
    }
}
