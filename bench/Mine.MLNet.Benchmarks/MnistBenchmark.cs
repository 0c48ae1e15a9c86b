using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The paper's Table 3 (permutation-invariant MNIST) at a budget that fits two CPU cores: the
    /// information-bottleneck trainer with beta = 0 and no noise (the deterministic baseline) and with each
    /// encoder, reporting test error, the MINE estimate of I(X;Z) and wall time.
    /// </summary>
    public sealed class MnistBenchmark
    {
        /// <summary>One trained configuration.</summary>
        /// <param name="LastTrainingBound">The statistics network's mean minibatch bound over the last epoch's training batches (nats).</param>
        public sealed record Result(string Name, double Beta, int Epochs, double TestError, double MutualInformation, double StandardError, double LastTrainingBound, double Seconds, string PaperError)
        {
            /// <summary>Binomial standard error of the test error on the 10,000 test images: sqrt(p (1 - p) / n).</summary>
            public double TestErrorStandardError => Math.Sqrt(TestError * (1 - TestError) / TestImages);
        }

        /// <summary>The model names <c>--models</c> accepts, in the order they run.</summary>
        public static readonly string[] ModelNames = { "baseline", "gaussian", "propagated", "additive" };

        private const int TestImages = 10000;

        private readonly string dataDirectory;
        private readonly int epochs;
        private readonly int trainingRows;
        private readonly IReadOnlyCollection<string> models;
        private readonly Action<InformationBottleneckOptions> configure;

        /// <param name="configure">Applied to every model's options last: the schedule, the time limit and the command line's overrides.</param>
        public MnistBenchmark(string dataDirectory, int epochs, int trainingRows, IReadOnlyCollection<string> models,
            Action<InformationBottleneckOptions> configure)
        {
            this.configure = configure;
            this.dataDirectory = dataDirectory;
            this.epochs = epochs;
            this.trainingRows = trainingRows;
            this.models = models;
        }

        public List<Result> Run(Action<string> log)
        {
            var context = new MLContext(seed: 0);
            // The trainer's final-estimate line and its warnings (for instance held-out and training-row bounds that
            // disagree) go into the benchmark's log beside the table.
            context.Log += (_, e) =>
            {
                if (e.Kind >= Microsoft.ML.Runtime.ChannelMessageKind.Warning || e.Message.Contains("final I(X;Z)", StringComparison.Ordinal))
                    log("  " + e.Message);
            };
            IDataView training = context.Data.LoadMnist(Path.Combine(dataDirectory, "train-images-idx3-ubyte"), Path.Combine(dataDirectory, "train-labels-idx1-ubyte"));
            training = context.Data.TakeRows(training, trainingRows);
            IDataView test = context.Data.LoadMnist(Path.Combine(dataDirectory, "t10k-images-idx3-ubyte"), Path.Combine(dataDirectory, "t10k-labels-idx1-ubyte"));
            // Read the files once into memory, so every configuration trains on identical, cached rows.
            training = context.Data.Cache(training);
            test = context.Data.Cache(test);

            var configurations = new (string Key, string Name, string Paper, InformationBottleneckOptions Options)[]
            {
                ("baseline", "Baseline (beta = 0, no noise)", "1.38%", Options(BottleneckEncoder.Additive, beta: 0, noise: 0)),
                ("gaussian", "MINE (Gaussian)", "1.11%", Options(BottleneckEncoder.Gaussian)),
                ("propagated", "MINE (Propagated)", "1.10%", Options(BottleneckEncoder.Propagated)),
                ("additive", "MINE (Additive)", "1.01%", Options(BottleneckEncoder.Additive)),
            };
            var results = new List<Result>();
            foreach (var c in configurations)
            {
                if (models.Contains(c.Key))
                    results.Add(Train(context, training, test, c.Name, c.Paper, c.Options, log));
            }
            return results;
        }

        public static string Markdown(IEnumerable<Result> results)
        {
            var s = new StringBuilder("| model | beta | epochs | test error ± binomial SE | paper (Table 3) | I(X;Z) nats (MINE, held-out) | last epoch's training bound | wall s |\n|---|---|---|---|---|---|---|---|\n");
            foreach (Result r in results)
                s.AppendLine(Line(r));
            return s.ToString();
        }

        /// <param name="noise">The noise's standard deviation; null keeps the default.</param>
        private InformationBottleneckOptions Options(BottleneckEncoder encoder, double beta = 1e-3, double? noise = null)
        {
            var options = new InformationBottleneckOptions
            {
                Encoder = encoder,
                Beta = beta,
                NumberOfEpochs = epochs,
                ValidationFraction = 1.0 / 12,
                Seed = 0,
            };
            if (noise is double sigma)
                options.NoiseStandardDeviation = sigma;
            configure(options);
            return options;
        }

        private static Result Train(MLContext context, IDataView training, IDataView test, string name, string paper, InformationBottleneckOptions options, Action<string> log)
        {
            var watch = Stopwatch.StartNew();
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(training);
            double seconds = watch.Elapsed.TotalSeconds;
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(test));
            foreach (InformationBottleneckEpoch epoch in model.History)
                log($"  {name}: {epoch}");
            var result = new Result(name, options.Beta, model.History.Count, 1 - metrics.MicroAccuracy, model.MutualInformation, model.MutualInformationStandardError,
                model.History.Count > 0 ? model.History[^1].MutualInformation : double.NaN, seconds, paper);
            log(Line(result));
            return result;
        }

        private static string Line(Result r)
            => string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:P2} ± {4:P2} | {5} | {6:F2} ± {7:F2} | {8:F2} | {9:F0} |",
                r.Name, r.Beta, r.Epochs, r.TestError, r.TestErrorStandardError, r.PaperError, r.MutualInformation, r.StandardError, r.LastTrainingBound, r.Seconds);
    }
}
