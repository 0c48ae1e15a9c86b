using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// MutualInformationSelect against the selectors practitioners use, judged by what the kept columns are worth: every
    /// method keeps k columns of the same table, and one fixed model (ML.NET's LightGbm, default settings) is scored by
    /// 5-fold cross-validated accuracy on those columns alone. Peers: a random forest's impurity importance, scikit-learn's
    /// mutual_info_classif (KSG) and mRMR (<see cref="PythonPeers"/>), ML.NET's binning selector, and ML.NET FastTree
    /// (one-versus-all) with permutation feature importance.
    /// </summary>
    public sealed class PeerSelectionBenchmark
    {
        /// <summary>The methods, by the names the command line takes.</summary>
        public static readonly string[] MethodNames = { "shapley", "ranking", "conditional", "joint", "mlnet", "pfi", "ksg", "forest", "mrmr" };

        private readonly Action<MineOptions> configure;
        private readonly bool python;

        /// <param name="configure">Overrides applied to every MutualInformationSelect run's MineOptions after the seed.</param>
        /// <param name="python">Whether to run the scikit-learn peers.</param>
        public PeerSelectionBenchmark(Action<MineOptions> configure, bool python)
        {
            this.configure = configure;
            this.python = python;
        }

        /// <summary>One method on one case: wall time, the kept columns, and the downstream accuracy with its spread over folds.</summary>
        public sealed record Result(string Case, string Method, double Seconds, string[] Kept, double Accuracy, double AccuracySpread, int RelevantKept);

        /// <summary>Runs <paramref name="methods"/> on <paramref name="selectionCase"/>, plus the model on every column as a reference.</summary>
        public List<Result> Run(SelectionCase selectionCase, IReadOnlyCollection<string> methods, Action<string> log)
        {
            var results = new List<Result>();
            SelectionCase c = selectionCase;
            void Add(string method, double seconds, string[] kept)
            {
                var (accuracy, spread) = Downstream(c, kept);
                int relevant = c.Relevant == null ? -1 : kept.Count(c.Relevant.Contains);
                var result = new Result(c.Name, method, seconds, kept, accuracy, spread, relevant);
                results.Add(result);
                log(Line(c, result));
            }
            var (all, allSpread) = Downstream(c, c.Names);
            results.Add(new Result(c.Name, "(every column)", double.NaN, c.Names, all, allSpread, -1));
            log(Line(c, results[^1]));

            foreach (string method in methods.Where(m => m is "shapley" or "ranking" or "conditional" or "joint"))
            {
                SelectionStrategy strategy = Enum.Parse<SelectionStrategy>(method, ignoreCase: true);
                var (seconds, kept) = Time(() => Mine(c, strategy));
                Add($"MutualInformationSelect {strategy}", seconds, kept);
            }
            if (methods.Contains("mlnet"))
            {
                var (seconds, kept) = Time(() => MlNetBinning(c));
                Add("ML.NET SelectFeaturesBasedOnMutualInformation", seconds, kept);
            }
            if (methods.Contains("pfi"))
            {
                var (seconds, kept) = Time(() => FastTreePermutationImportance(c));
                Add("ML.NET FastTree + PermutationFeatureImportance", seconds, kept);
            }
            string[] pythonMethods = PythonPeers.Methods.Where(methods.Contains).ToArray();
            if (python && pythonMethods.Length > 0)
            {
                var (outcomes, version) = PythonPeers.Run(c.Features, c.Labels, c.Keep, pythonMethods);
                foreach (PythonPeers.Outcome o in outcomes)
                {
                    string name = o.Method switch
                    {
                        "ksg" => $"scikit-learn {version} mutual_info_classif (KSG)",
                        "forest" => $"scikit-learn {version} random forest importance (300 trees)",
                        _ => $"mRMR (scikit-learn {version} KSG)",
                    };
                    Add(name, o.Seconds, o.Kept.Select(j => c.Names[j]).ToArray());
                }
            }
            return results;
        }

        /// <summary>The table of results.</summary>
        public static string Markdown(IEnumerable<SelectionCase> cases, IEnumerable<Result> results)
        {
            var s = new StringBuilder();
            var byCase = results.GroupBy(r => r.Case).ToDictionary(g => g.Key, g => g.ToList());
            foreach (SelectionCase c in cases.Where(c => byCase.ContainsKey(c.Name)))
            {
                s.AppendLine($"**{c.Description}**, keep {c.Keep}:\n");
                s.AppendLine(c.Relevant == null
                    ? "| method | wall s | downstream accuracy | kept |\n|---|---:|---:|---|"
                    : $"| method | wall s | downstream accuracy | relevant kept (of {Math.Min(c.Keep, c.Relevant.Length)}) | kept |\n|---|---:|---:|---:|---|");
                foreach (Result r in byCase[c.Name])
                    s.AppendLine(Line(c, r));
                s.AppendLine();
            }
            return s.ToString();
        }

        private static string Line(SelectionCase c, Result r)
        {
            string kept = r.Method == "(every column)" ? $"all {c.Width}" : string.Join(", ", r.Kept);
            string seconds = double.IsNaN(r.Seconds) ? "" : r.Seconds.ToString("F1", CultureInfo.InvariantCulture);
            string relevant = c.Relevant == null ? "" : (r.RelevantKept < 0 ? " |" : $" {r.RelevantKept} |");
            return string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F3} ± {3:F3} |{4} {5} |", r.Method, seconds, r.Accuracy, r.AccuracySpread, relevant, kept);
        }

        private static (double Seconds, string[] Kept) Time(Func<string[]> select)
        {
            var watch = Stopwatch.StartNew();
            string[] kept = select();
            return (watch.Elapsed.TotalSeconds, kept);
        }

        /// <summary>5-fold cross-validated accuracy of LightGbm on <paramref name="kept"/> alone: the mean and the standard deviation over folds.</summary>
        public static (double Mean, double Spread) Downstream(SelectionCase c, IReadOnlyCollection<string> kept)
        {
            var context = new MLContext(seed: 0);
            int[] columns = kept.Select(k => Array.IndexOf(c.Names, k)).ToArray();
            IDataView data = context.Data.Cache(c.ToDataView(context, columns));
            var trainer = context.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options { Seed = 0 });
            var folds = context.MulticlassClassification.CrossValidate(data, trainer, numberOfFolds: 5, seed: 0);
            double[] accuracies = folds.Select(f => f.Metrics.MicroAccuracy).ToArray();
            double mean = accuracies.Average();
            return (mean, Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Length - 1)));
        }

        private string[] Mine(SelectionCase c, SelectionStrategy strategy)
        {
            var context = new MLContext(seed: 0);
            var options = new MineOptions { Seed = 0 };
            configure(options);
            var model = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Kept",
                LabelColumnName = "Label",
                InputColumnNames = new[] { "Features" },
                FeaturesToKeep = c.Keep,
                Strategy = strategy,
                Mine = options,
            }).Fit(c.ToDataView(context));
            return model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();
        }

        private static string[] MlNetBinning(SelectionCase c)
        {
            var context = new MLContext(seed: 0);
            IDataView data = c.ToDataView(context);
            ITransformer selector = context.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("Kept", "Features", "Label", slotsInOutput: c.Keep).Fit(data);
            var names = new VBuffer<ReadOnlyMemory<char>>();
            selector.Transform(data).Schema["Kept"].GetSlotNames(ref names);
            return names.DenseValues().Select(n => n.ToString()).ToArray();
        }

        private static string[] FastTreePermutationImportance(SelectionCase c)
        {
            var context = new MLContext(seed: 0);
            IDataView data = context.Data.Cache(c.ToDataView(context));
            var model = context.MulticlassClassification.Trainers.OneVersusAll(context.BinaryClassification.Trainers.FastTree()).Fit(data);
            var importance = context.MulticlassClassification.PermutationFeatureImportance(model, data, permutationCount: 1);
            return importance.Select((metrics, j) => (Drop: metrics.MicroAccuracy.Mean, j))
                .OrderBy(x => x.Drop).ThenBy(x => x.j).Take(c.Keep).Select(x => c.Names[x.j]).ToArray();
        }
    }
}
