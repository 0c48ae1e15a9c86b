using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
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
        public sealed record Result(string Name, double Beta, double TestError, double MutualInformation, double StandardError, double Seconds, string PaperError);

        private readonly string dataDirectory;
        private readonly int epochs;
        private readonly int trainingRows;

        public MnistBenchmark(string dataDirectory, int epochs, int trainingRows)
        {
            this.dataDirectory = dataDirectory;
            this.epochs = epochs;
            this.trainingRows = trainingRows;
        }

        public List<Result> Run(Action<string> log)
        {
            var context = new MLContext(seed: 0);
            IDataView training = context.Data.LoadMnist(Path.Combine(dataDirectory, "train-images-idx3-ubyte"), Path.Combine(dataDirectory, "train-labels-idx1-ubyte"));
            training = context.Data.TakeRows(training, trainingRows);
            IDataView test = context.Data.LoadMnist(Path.Combine(dataDirectory, "t10k-images-idx3-ubyte"), Path.Combine(dataDirectory, "t10k-labels-idx1-ubyte"));
            // Read the files once into memory, so every configuration trains on identical, cached rows.
            training = context.Data.Cache(training);
            test = context.Data.Cache(test);

            var results = new List<Result>
            {
                Train(context, training, test, "Baseline (beta = 0, no noise)", "1.38%", Options(BottleneckEncoder.Additive, beta: 0, noise: 0), log),
                Train(context, training, test, "MINE (Gaussian)", "1.11%", Options(BottleneckEncoder.Gaussian), log),
                Train(context, training, test, "MINE (Propagated)", "1.10%", Options(BottleneckEncoder.Propagated), log),
                Train(context, training, test, "MINE (Additive)", "1.01%", Options(BottleneckEncoder.Additive), log),
            };
            return results;
        }

        public static string Markdown(IEnumerable<Result> results)
        {
            var s = new StringBuilder("| model | beta | test error | paper (Table 3) | I(X;Z) nats (MINE, held-out) | wall s |\n|---|---|---|---|---|---|\n");
            foreach (Result r in results)
                s.AppendLine(Line(r));
            return s.ToString();
        }

        private InformationBottleneckOptions Options(BottleneckEncoder encoder, double beta = 1e-3, double noise = 0.5) => new InformationBottleneckOptions
        {
            Encoder = encoder,
            Beta = beta,
            NoiseStandardDeviation = noise,
            NumberOfEpochs = epochs,
            ValidationFraction = 1.0 / 12,
            Seed = 0,
        };

        private static Result Train(MLContext context, IDataView training, IDataView test, string name, string paper, InformationBottleneckOptions options, Action<string> log)
        {
            var watch = Stopwatch.StartNew();
            InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(options).Fit(training);
            double seconds = watch.Elapsed.TotalSeconds;
            MulticlassClassificationMetrics metrics = context.MulticlassClassification.Evaluate(model.Transform(test));
            foreach (InformationBottleneckEpoch epoch in model.History)
                log($"  {name}: {epoch}");
            var result = new Result(name, options.Beta, 1 - metrics.MicroAccuracy, model.MutualInformation, model.MutualInformationStandardError, seconds, paper);
            log(Line(result));
            return result;
        }

        private static string Line(Result r)
            => string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:P2} | {3} | {4:F2} ± {5:F2} | {6:F0} |",
                r.Name, r.Beta, r.TestError, r.PaperError, r.MutualInformation, r.StandardError, r.Seconds);
    }
}
