using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// MutualInformationSelect (each strategy) against ML.NET's SelectFeaturesBasedOnMutualInformation on the
    /// same data: which informative features each keeps, wall time and peak working set. Rows are generated
    /// lazily on every pass (streamed through the IDataView), so the data itself never sits in memory.
    /// </summary>
    public sealed class SelectionBenchmark
    {
        /// <summary>One data set: a generator of (features, label) rows and which features matter.</summary>
        private sealed record Case(string Name, int Rows, string[] Features, int Keep, Func<Random, (float[] Features, bool Label)> Draw,
            Func<string[], bool> KeepsTheInformation, string Informative, bool RunJoint);

        /// <summary>One method on one case.</summary>
        public sealed record Result(string Case, string Method, double Seconds, string[] Kept, bool Correct, double PeakMegabytes);

        /// <summary>scikit-learn's KSG is O(n log n) per feature; above this many rows it is left out.</summary>
        public const int SklearnMaxRows = 1_000_000;

        /// <summary>With --joint-at-scale, Joint runs on the scale cases up to this many rows.</summary>
        public const int JointMaxRows = 1_000_000;

        /// <summary>The case names <see cref="Run"/> accepts.</summary>
        public static readonly string[] CaseNames = { "xor", "redundant", "scale" };

        private readonly Action<MineOptions> configure;
        private readonly bool sklearn;
        private readonly bool jointAtScale;

        /// <param name="configure">Overrides applied to every MutualInformationSelect run's MineOptions after the seed.</param>
        /// <param name="sklearn">Whether to run scikit-learn's mutual_info_classif on the scale cases (<see cref="SklearnPeer"/>).</param>
        /// <param name="jointAtScale">Whether to run Joint on the scale cases too.</param>
        public SelectionBenchmark(Action<MineOptions> configure, bool sklearn, bool jointAtScale)
        {
            this.configure = configure;
            this.sklearn = sklearn;
            this.jointAtScale = jointAtScale;
        }

        /// <summary>The method names <see cref="Run"/> accepts (scikit-learn is switched separately).</summary>
        public static readonly string[] MethodNames = { "mlnet", "shapley", "ranking", "conditional", "joint" };

        /// <summary>
        /// Runs the named cases with the named methods; the scale case once per entry of <paramref name="scaleRows"/>.
        /// </summary>
        public List<Result> Run(Action<string> log, IReadOnlyCollection<string> caseNames, IEnumerable<int> scaleRows, IReadOnlyCollection<string> methods)
        {
            var cases = new List<Case>();
            if (caseNames.Contains("xor"))
                cases.Add(Xor());
            if (caseNames.Contains("redundant"))
                cases.Add(Redundant());
            if (caseNames.Contains("scale"))
                cases.AddRange(scaleRows.Select(Scale));
            var results = new List<Result>();
            foreach (Case c in cases)
            {
                if (sklearn && c.Name == "Scale" && c.Rows <= SklearnMaxRows)
                    results.Add(Sklearn(c, log));
                if (methods.Contains("mlnet"))
                    results.Add(Measure(c, "ML.NET SelectFeaturesBasedOnMutualInformation", (context, data) => MlNet(context, data, c)));
                if (methods.Contains("shapley"))
                    results.Add(Measure(c, "MutualInformationSelect Shapley", (context, data) => Mine(context, data, c, SelectionStrategy.Shapley, log)));
                if (methods.Contains("ranking"))
                    results.Add(Measure(c, "MutualInformationSelect Ranking", (context, data) => Mine(context, data, c, SelectionStrategy.Ranking, log)));
                if (methods.Contains("conditional"))
                    results.Add(Measure(c, "MutualInformationSelect Conditional", (context, data) => Mine(context, data, c, SelectionStrategy.Conditional, log)));
                if (methods.Contains("joint") && (c.RunJoint || (jointAtScale && c.Rows <= JointMaxRows)))
                    results.Add(Measure(c, "MutualInformationSelect Joint", (context, data) => Mine(context, data, c, SelectionStrategy.Joint, log)));
                foreach (Result r in results.Where(r => r.Case == c.Name))
                    log(Line(r));
            }
            return results;
        }

        public static string Markdown(IEnumerable<Result> results)
        {
            var s = new StringBuilder("| case | method | wall s | kept | keeps the information | peak working set (MB) |\n|---|---|---|---|---|---|\n");
            foreach (Result r in results)
                s.AppendLine(Line(r));
            return s.ToString();
        }

        private static string Line(Result r)
            => string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F1} | {3} | {4} | {5:F0} |",
                r.Case, r.Method, r.Seconds, string.Join(", ", r.Kept), r.Correct ? "yes" : "no", r.PeakMegabytes);

        private Result Measure(Case c, string method, Func<MLContext, IDataView, string[]> select)
        {
            var context = new MLContext(seed: 0);
            IDataView data = Load(context, c);
            using var peak = new PeakWorkingSet();
            var watch = Stopwatch.StartNew();
            string[] kept = select(context, data);
            double seconds = watch.Elapsed.TotalSeconds;
            return new Result(Title(c), method, seconds, kept, c.KeepsTheInformation(kept), peak.Megabytes);
        }

        private static Result Sklearn(Case c, Action<string> log)
        {
            SklearnPeer.Outcome outcome = SklearnPeer.Run(Stream(c).Select(r => (r.Features, r.Label)), c.Features.Length, c.Keep);
            string[] kept = outcome.Kept.Select(i => c.Features[i]).ToArray();
            log($"  {c.Name}, scikit-learn {outcome.Version}: " + outcome.Scores);
            return new Result(Title(c), $"scikit-learn {outcome.Version} mutual_info_classif (KSG, k = 3)", outcome.Seconds, kept,
                c.KeepsTheInformation(kept), outcome.PeakMegabytes);
        }

        private static string Title(Case c) => $"{c.Name} ({c.Rows:N0} rows, {c.Features.Length} features; informative: {c.Informative})";

        private static string[] MlNet(MLContext context, IDataView data, Case c)
        {
            var transformer = context.Transforms.FeatureSelection
                .SelectFeaturesBasedOnMutualInformation("Kept", "Features", "Label", slotsInOutput: c.Keep)
                .Fit(data);
            return SlotNames(transformer.Transform(data).Schema["Kept"]);
        }

        private string[] Mine(MLContext context, IDataView data, Case c, SelectionStrategy strategy, Action<string> log)
        {
            var model = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                OutputColumnName = "Kept",
                LabelColumnName = "Label",
                InputColumnNames = new[] { "Features" },
                FeaturesToKeep = c.Keep,
                Strategy = strategy,
                Mine = Options(),
            }).Fit(data);
            log?.Invoke($"  {c.Name}, {strategy}: " + string.Join(", ", model.Ranking.Take(8).Select(e =>
                string.Format(CultureInfo.InvariantCulture, "{0} {1:F4} +- {2:F4}", e.Name, e.MutualInformation, e.StandardError))));
            return model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();
        }

        private MineOptions Options()
        {
            var options = new MineOptions { Seed = 0 };
            configure(options);
            return options;
        }

        private static string[] SlotNames(DataViewSchema.Column column)
        {
            var names = new VBuffer<ReadOnlyMemory<char>>();
            column.GetSlotNames(ref names);
            return names.DenseValues().Select(n => n.ToString()).ToArray();
        }

        private static IDataView Load(MLContext context, Case c)
        {
            var definition = SchemaDefinition.Create(typeof(Row));
            definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, c.Features.Length);
            var names = new VBuffer<ReadOnlyMemory<char>>(c.Features.Length, c.Features.Select(f => f.AsMemory()).ToArray());
            definition[nameof(Row.Features)].AddAnnotation("SlotNames", names,
                new VectorDataViewType(TextDataViewType.Instance, c.Features.Length));
            return context.Data.LoadFromEnumerable(Stream(c), definition);
        }

        /// <summary>Every pass over the data draws the same rows again from the same seed.</summary>
        private static IEnumerable<Row> Stream(Case c)
        {
            var random = new Random(17);
            for (int i = 0; i < c.Rows; i++)
            {
                var (features, label) = c.Draw(random);
                yield return new Row { Features = features, Label = label };
            }
        }

        private static float N(Random random) => (float)CorrelatedGaussians.Normal(random);

        private static Case Xor()
        {
            string[] names = new[] { "x1", "x2" }.Concat(Enumerable.Range(1, 20).Select(i => "noise" + i)).ToArray();
            return new Case("XOR y = (x1 x2 > 0)", 4000, names, 2, random =>
            {
                float[] f = names.Select(_ => N(random)).ToArray();
                return (f, f[0] * f[1] > 0);
            }, kept => kept.Contains("x1") && kept.Contains("x2"), "x1 and x2 together", RunJoint: true);
        }

        private static Case Redundant()
        {
            string[] names = new[] { "a", "a_copy1", "a_copy2", "a_copy3", "b" }.Concat(Enumerable.Range(1, 10).Select(i => "noise" + i)).ToArray();
            return new Case("Redundant copies of a", 4000, names, 2, random =>
            {
                float a = N(random), b = N(random);
                var f = new float[names.Length];
                f[0] = a;
                for (int i = 1; i <= 3; i++)
                    f[i] = a + 0.05f * N(random);
                f[4] = b;
                for (int i = 5; i < f.Length; i++)
                    f[i] = N(random);
                return (f, a + b + 0.5f * N(random) > 0);
            }, kept => kept.Any(k => k.StartsWith("a", StringComparison.Ordinal)) && kept.Contains("b"), "a (or a copy) and b", RunJoint: true);
        }

        private static Case Scale(int rows)
        {
            string[] names = Enumerable.Range(0, 50).Select(i => "f" + i).ToArray();
            float[] weights = { 1.0f, 0.8f, 0.6f, 0.5f, 0.4f };
            return new Case("Scale", rows, names, 5, random =>
            {
                float[] f = names.Select(_ => N(random)).ToArray();
                float score = 0;
                for (int i = 0; i < weights.Length; i++)
                    score += weights[i] * f[i];
                return (f, score + 0.5f * N(random) > 0);
            }, kept => new[] { "f0", "f1", "f2", "f3", "f4" }.All(kept.Contains), "f0..f4", RunJoint: false);
        }

        /// <summary>A streamed row.</summary>
        private sealed class Row
        {
            public float[] Features { get; set; }

            public bool Label { get; set; }
        }

        /// <summary>Samples the process working set every 50 ms until disposed.</summary>
        private sealed class PeakWorkingSet : IDisposable
        {
            private readonly Timer timer;
            private long peak;

            public PeakWorkingSet()
            {
                Sample(null);
                timer = new Timer(Sample, null, 0, 50);
            }

            public double Megabytes
            {
                get
                {
                    Sample(null);
                    return Interlocked.Read(ref peak) / (1024.0 * 1024.0);
                }
            }

            private void Sample(object _)
            {
                using var process = Process.GetCurrentProcess();
                long now = process.WorkingSet64;
                long seen;
                while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                {
                }
            }

            public void Dispose() => timer.Dispose();
        }
    }
}
