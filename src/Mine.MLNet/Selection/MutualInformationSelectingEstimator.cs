using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Estimation;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Hosting;
using Mine.MLNet.Selection;
using Mine.MLNet.Selection.Search;

namespace Mine.MLNet
{
    /// <summary>
    /// Keeps the input slots or columns that carry the most mutual information with the label, estimated with
    /// MINE. Created by <c>mlContext.Transforms.MutualInformationSelect(...)</c>.
    /// </summary>
    public sealed class MutualInformationSelectingEstimator : IEstimator<MutualInformationSelectingTransformer>
    {
        private readonly IHostEnvironment env;
        private readonly IHost host;
        private readonly MutualInformationSelectOptions options;

        internal MutualInformationSelectingEstimator(IHostEnvironment env, MutualInformationSelectOptions options)
        {
            this.env = env;
            host = env.Register(nameof(MutualInformationSelectingEstimator));
            SelectionOptionsValidator.Check(host, options);
            this.options = options;
        }

        /// <summary>
        /// The schema <see cref="Fit"/>'s transformer will produce: the input plus the output column, a known-size
        /// vector of Single with SlotNames. Checks the input schema exactly as <see cref="Fit"/> does.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A column is missing or of an unsupported type, or FeaturesToKeep exceeds the candidates.</exception>
        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            if (inputSchema == null)
                throw host.Process(new ArgumentNullException(nameof(inputSchema)));
            Dictionary<string, ColumnShape> columns = ColumnShape.From(inputSchema);
            SelectionSchemaValidator.Check(host, columns, options);
            return Pipeline(columns).Shape().GetOutputSchema(inputSchema);
        }

        /// <summary>Scores the candidates with MINE and returns the transformer that keeps the best ones.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A column is missing or of an unsupported type, or FeaturesToKeep exceeds the candidates.</exception>
        /// <exception cref="InvalidOperationException">Too few usable rows, a missing or constant label, no candidate above MinimumMutualInformation, or MINE diverged.</exception>
        /// <exception cref="OperationCanceledException">The MINE options' CancellationToken was cancelled.</exception>
        public MutualInformationSelectingTransformer Fit(IDataView input)
        {
            if (input == null)
                throw host.Process(new ArgumentNullException(nameof(input)));
            Dictionary<string, ColumnShape> columns = ColumnShape.From(input.Schema);
            SelectionSchemaValidator.Check(host, columns, options);
            using FitSession session = FitSession.Start(host, "MutualInformationSelect", options.Mine.Seed, options.Mine.CancellationToken);
            MineOptions mine = options.Mine.WithCancellation(session.Cancellation);

            SelectionPipeline pipeline = Pipeline(columns);
            var prepared = (TransformerChain<ITransformer>)pipeline.Preparation().Fit(input);
            IDataView view = prepared.Transform(input);
            var layout = SlotLayout.Create(input.Schema, options.InputColumnNames, view.Schema[pipeline.ConcatenatedColumnName]);
            var (candidates, names) = layout.Candidates(options.Candidates);
            SelectionSchemaValidator.CheckFeaturesToKeep(host, options, candidates.Length);

            PairedSamples samples = Read(view, pipeline.ConcatenatedColumnName, session.Seed, mine.CancellationToken, out long skipped, out long complete);
            if (!mine.GaussianizeMarginals)
                ExtremeValueCheck.Check(host, samples.X, samples.XWidth, slot => $"'{layout.SlotNames[slot]}'", "MutualInformationSelectOptions.Mine.GaussianizeMarginals");
            session.Channel.Info(MessageSensitivity.None,
                "MutualInformationSelect ({0}, {1}, {2}): {3} candidates over {4} slots, {5} rows used of {6} usable ({7} skipped for missing values), seed {8}.",
                options.Strategy, options.Candidates, mine.TrainedBound, candidates.Length, layout.Width, samples.Rows, complete, skipped, session.Seed);

            TorchSharp.torch.Device device = session.Device(mine.Device, "MutualInformationSelectOptions.Mine.Device");
            var fitter = new StatisticsNetworkFitter(mine, device, session.Channel);
            var problem = new SearchProblem(fitter, FitPlan.ForSelection(mine, samples.Rows), samples, candidates, options.FeaturesToKeep, session.Seed,
                session.Channel, k => names[k], mine, device);
            List<CandidateScore> scores = SearchProblem.SearchFor(options.Strategy).Run(problem);
            FeatureRankingEntry[] ranking = Rank(scores, names);
            foreach (FeatureRankingEntry entry in ranking.Take(Math.Max(options.FeaturesToKeep, 10)))
                session.Channel.Info(MessageSensitivity.None, "{0}", entry);

            int[] keptSlots = scores.Where((_, i) => ranking[i].Selected)
                .SelectMany(s => candidates[s.Candidate])
                .OrderBy(slot => slot).ToArray();
            return new MutualInformationSelectingTransformer(pipeline.Complete(prepared, layout.Width, keptSlots), ranking);
        }

        private SelectionPipeline Pipeline(IReadOnlyDictionary<string, ColumnShape> schema) => new SelectionPipeline(env, options.OutputColumnName, options.InputColumnNames, schema);

        /// <summary>Reads the concatenated slots and the label; a missing label is an error, a constant one too.</summary>
        private PairedSamples Read(IDataView view, string slotsColumnName, int seed, System.Threading.CancellationToken cancellation, out long skipped, out long complete)
        {
            string label = options.LabelColumnName;
            ColumnGroup x = ColumnGroup.Resolve(host, view.Schema, new[] { slotsColumnName }, nameof(options.InputColumnNames));
            ColumnGroup z = ColumnGroup.Resolve(host, view.Schema, new[] { label }, nameof(options.LabelColumnName));
            PairedSamples samples = PairedSampleReader.Read(view, x, z, cancellation, out skipped, out complete,
                row => host.Process(new InvalidOperationException(
                    $"Label column '{label}' has a missing value (NaN or missing key) in row {row}; filter those rows (e.g. mlContext.Data.FilterRowsByMissingValues) first.")),
                options.MaximumRows, seed);
            UsableRowCheck.Check(host, options.Mine, samples.Rows, skipped, rows => FitPlan.ForSelection(options.Mine, rows).Folds);
            if (IsConstant(samples.Z, samples.ZWidth))
                throw host.Process(new InvalidOperationException($"Label column '{label}' is constant: it shares no information with any feature."));
            return samples;
        }

        private static bool IsConstant(float[] rows, int width)
        {
            for (int i = width; i < rows.Length; i++)
            {
                if (rows[i] != rows[i % width])
                    return false;
            }
            return true;
        }

        /// <summary>Ranks the scores and marks the kept candidates; fails if none can be kept.</summary>
        private FeatureRankingEntry[] Rank(List<CandidateScore> scores, string[] names)
        {
            if (scores.Any(s => !double.IsFinite(s.Nats) || double.IsNaN(s.StandardError)))
            {
                throw host.Process(new InvalidOperationException(
                    $"MINE ({options.Mine.TrainedBound}) diverged: a held-out bound is not finite. Lower MineOptions.LearningRate or use MineBound.Smile."));
            }
            var ranking = new FeatureRankingEntry[scores.Count];
            int kept = 0;
            for (int i = 0; i < scores.Count; i++)
            {
                CandidateScore s = scores[i];
                bool selected = s.Eligible && kept < options.FeaturesToKeep
                    && (options.MinimumMutualInformation is not double minimum || s.Nats >= minimum);
                if (selected)
                    kept++;
                ranking[i] = new FeatureRankingEntry(names[s.Candidate], i + 1, s.Nats, s.StandardError, selected, Array.ConvertAll(s.Given, g => names[g]));
            }
            if (kept == 0)
            {
                throw host.Process(new InvalidOperationException(
                    $"No candidate reached MinimumMutualInformation = {options.MinimumMutualInformation} nats (the best scored {scores[0].Nats:F4}); lower the threshold."));
            }
            return ranking;
        }
    }
}
