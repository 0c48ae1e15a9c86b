using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using Mine.MLNet.Data;
using Mine.MLNet.Hosting;
using Mine.MLNet.Trainers.InformationBottleneck;
using Mine.MLNet.Trainers.InformationBottleneck.Onnx;
using Mine.MLNet.Trainers.InformationBottleneck.Training;

namespace Mine.MLNet
{
    /// <summary>
    /// A multiclass trainer whose loss is cross-entropy + beta * I(X;Z), with I(X;Z) between the input X and its
    /// stochastic encoding Z estimated by MINE (paper section 5.3, eq. 20). Created by
    /// <c>mlContext.MulticlassClassification.Trainers.InformationBottleneck(...)</c>.
    /// </summary>
    public sealed class InformationBottleneckTrainer : ITrainerEstimator<InformationBottleneckTransformer, InformationBottleneckModelParameters>
    {
        private const string ProbabilitiesColumnName = "InformationBottleneckProbabilities";

        private readonly IHostEnvironment env;
        private readonly IHost host;
        private readonly InformationBottleneckOptions options;

        internal InformationBottleneckTrainer(IHostEnvironment env, InformationBottleneckOptions options)
        {
            this.env = env;
            host = env.Register(nameof(InformationBottleneckTrainer));
            InformationBottleneckOptionsValidator.Check(host, options);
            this.options = options;
            // ML.NET's TrainerInfo constructor is internal. The trainer standardises its input itself and reads the
            // rows into memory once, so it asks for neither normalisation nor caching.
            Info = InternalConstructor.Invoke<TrainerInfo>(false, false, false, false, false, false);
        }

        /// <summary>What the trainer needs from the data: no normalisation (it standardises inside), no caching (it reads the rows once).</summary>
        public TrainerInfo Info { get; }

        /// <summary>
        /// The input schema plus Score (vector of Single) and PredictedLabel (key). Checks the input schema exactly
        /// as <see cref="Fit"/> does.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The label is missing, not a key or has one class; the features are missing or not a known-size vector of Single.</exception>
        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            if (inputSchema == null)
                throw host.Process(new ArgumentNullException(nameof(inputSchema)));
            BottleneckSchemaValidator.Check(host, ColumnShape.From(inputSchema), options);
            MLContext context = CatalogEnvironment.Context(env);
            return context.Transforms.Concatenate("Score", options.FeatureColumnName)
                .Append(context.Transforms.CopyColumns("PredictedLabel", options.LabelColumnName))
                .GetOutputSchema(inputSchema);
        }

        /// <summary>Trains the classifier on <paramref name="input"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The label is missing, not a key or has one class; the features are missing or not a known-size vector of Single.</exception>
        /// <exception cref="InvalidOperationException">A missing label, fewer than two classes present, or too few rows.</exception>
        /// <exception cref="OperationCanceledException">The options' CancellationToken was cancelled.</exception>
        public InformationBottleneckTransformer Fit(IDataView input)
        {
            if (input == null)
                throw host.Process(new ArgumentNullException(nameof(input)));
            // An empty table has a label key of no values; say what is wrong with it, not that it has one class.
            if (input.Schema.GetColumnOrNull(options.LabelColumnName)?.Type is KeyDataViewType { Count: < 2 } && IsEmpty(input))
                throw host.Process(new InvalidOperationException("The data has no rows; the classifier needs rows of at least 2 classes to train on."));
            BottleneckSchemaValidator.Check(host, ColumnShape.From(input.Schema), options);
            using FitSession session = FitSession.Start(host, "InformationBottleneck", options.Seed, options.CancellationToken);
            InformationBottleneckOptions cancellable = options.WithCancellation(session.Cancellation);

            (PairedSamples samples, int[] labels, long skipped) = Read(input, cancellable.CancellationToken);
            int classes = samples.ZWidth;
            session.Channel.Info(MessageSensitivity.None,
                "Information bottleneck ({0} encoder, beta {1}): {2} rows ({3} skipped for missing features), {4} features, {5} classes, seed {6}.",
                options.Encoder, options.Beta, samples.Rows, skipped, samples.XWidth, classes, session.Seed);
            using BottleneckRun run = new BottleneckTrainingLoop(cancellable, session.Device(options.Device, "InformationBottleneckOptions.Device"), session.Channel)
                .Train(samples.X, labels, samples.XWidth, classes, session.Seed);
            if (run.History.Any(e => !double.IsFinite(e.Loss)))
                throw host.Process(new InvalidOperationException("Information-bottleneck training diverged (the loss is not finite); lower LearningRate or Beta."));

            string probabilities = Unused(input.Schema, ProbabilitiesColumnName);
            byte[] rowModel = BottleneckOnnxExporter.Export(run, options.FeatureColumnName, batched: false, probabilities);
            byte[] servingModel = BottleneckOnnxExporter.Export(run, options.FeatureColumnName, batched: true);
            var model = new InformationBottleneckModelParameters(options.Encoder, samples.XWidth, classes, options.BottleneckSize,
                run.History, run.MutualInformation.Nats, run.MutualInformation.StandardError, servingModel);
            return WholeChainPredictorFactory.Create(session.Channel, Chain(input, rowModel, probabilities, classes), model, options.FeatureColumnName);
        }

        /// <summary>ONNX network, then ML.NET's multiclass scorer over its probabilities, then the probabilities dropped.</summary>
        private TransformerChain<ITransformer> Chain(IDataView input, byte[] rowModel, string probabilities, int classes)
        {
            MLContext context = CatalogEnvironment.Context(env);
            ITransformer network = context.Transforms.ApplyOnnxModel(new[] { probabilities }, new[] { options.FeatureColumnName }, new MemoryStream(rowModel)).Fit(input);
            IDataView scored = network.Transform(input);
            ITransformer scorer = MulticlassScorerFactory.Create(env, scored.Schema, probabilities, classes, options.LabelColumnName);
            ITransformer drop = context.Transforms.DropColumns(probabilities).Fit(scorer.Transform(scored));
            return new TransformerChain<ITransformer>(network, scorer, drop);
        }

        /// <summary>Features and one-hot labels of every row without a missing feature; a missing label is an error.</summary>
        private (PairedSamples Samples, int[] Labels, long Skipped) Read(IDataView input, System.Threading.CancellationToken cancellation)
        {
            string label = options.LabelColumnName;
            ColumnGroup x = ColumnGroup.Resolve(host, input.Schema, new[] { options.FeatureColumnName }, nameof(options.FeatureColumnName));
            ColumnGroup z = ColumnGroup.Resolve(host, input.Schema, new[] { label }, nameof(options.LabelColumnName));
            PairedSamples samples = PairedSampleReader.Read(input, x, z, cancellation, out long skipped, out _,
                row => host.Process(new InvalidOperationException(
                    $"Label column '{label}' has a missing key in row {row}; filter those rows (e.g. mlContext.Data.FilterRowsByMissingValues) first.")));
            int minimum = (int)Math.Ceiling(2 / (1 - options.ValidationFraction)) + 1;
            if (samples.Rows < minimum)
            {
                throw host.Process(new InvalidOperationException(
                    $"Feature column '{options.FeatureColumnName}' has {samples.Rows} usable rows ({skipped} skipped for missing values); at least {minimum} are needed."));
            }
            var labels = new int[samples.Rows];
            for (int i = 0; i < labels.Length; i++)
                labels[i] = Array.IndexOf(samples.Z, 1f, i * samples.ZWidth, samples.ZWidth) - i * samples.ZWidth;
            int present = labels.Distinct().Count();
            if (present < 2)
                throw host.Process(new InvalidOperationException($"Label column '{label}' holds a single class in the data; a classifier needs at least 2."));
            return (samples, labels, skipped);
        }

        private static bool IsEmpty(IDataView data)
        {
            using DataViewRowCursor cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
            return !cursor.MoveNext();
        }

        private static string Unused(DataViewSchema schema, string name)
        {
            string candidate = name;
            for (int i = 1; schema.GetColumnOrNull(candidate) != null; i++)
                candidate = $"{name}{i}";
            return candidate;
        }
    }
}
