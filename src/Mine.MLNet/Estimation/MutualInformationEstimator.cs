using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Estimation
{
    /// <summary>Validates inputs, reads two column groups and runs MINE on them.</summary>
    internal sealed class MutualInformationEstimator
    {
        private readonly IHost host;
        private readonly MineOptions options;

        public MutualInformationEstimator(IHostEnvironment env, MineOptions options)
        {
            host = env.Register("MutualInformation");
            this.options = options ?? new MineOptions();
            MineOptionsValidator.Check(host, this.options);
        }

        public MutualInformationEstimate Estimate(IDataView data, string[] xColumnNames, string[] zColumnNames)
        {
            if (data == null)
                throw host.Process(new ArgumentNullException(nameof(data)));
            ColumnGroup.CheckNames(host, xColumnNames, nameof(xColumnNames));
            ColumnGroup.CheckNames(host, zColumnNames, nameof(zColumnNames));
            string shared = xColumnNames.Intersect(zColumnNames, StringComparer.Ordinal).FirstOrDefault();
            if (shared != null)
            {
                throw host.Process(new ArgumentOutOfRangeException(nameof(zColumnNames),
                    $"Column '{shared}' is in both xColumnNames and zColumnNames; the two groups must be disjoint."));
            }
            ColumnGroup x = ColumnGroup.Resolve(host, data.Schema, xColumnNames, nameof(xColumnNames));
            ColumnGroup z = ColumnGroup.Resolve(host, data.Schema, zColumnNames, nameof(zColumnNames));

            // The seed is drawn before anything else, so the MLContext's random sequence decides it.
            using FitSession session = FitSession.Start(host, "EstimateMutualInformation", options.Seed, options.CancellationToken);
            MineOptions cancellable = options.WithCancellation(session.Cancellation);
            PairedSamples samples = PairedSampleReader.Read(data, x, z, cancellable.CancellationToken, out long skipped, out _);
            UsableRowCheck.Check(host, options, samples.Rows, skipped, rows => FitPlan.CrossFittingFolds(options, rows, automatic: true));
            // I(X;Z) = I(Z;X): with a discrete X and a continuous Z, swap them so the marginal term is exact.
            if (DiscreteMarginal.Detect(samples.X, samples.XWidth) != null && DiscreteMarginal.Detect(samples.Z, samples.ZWidth) == null)
                samples = new PairedSamples(samples.Z, samples.ZWidth, samples.X, samples.XWidth);

            session.Channel.Info(MessageSensitivity.None, "MINE ({0}): {1} rows ({2} skipped for missing values), X has {3} dimensions, Z has {4}, seed {5}.",
                options.Bound, samples.Rows, skipped, x.Width, z.Width, session.Seed);
            var fitter = new StatisticsNetworkFitter(cancellable, session.Device(options.Device, "MineOptions.Device"), session.Channel);
            int[] everyDimension = Enumerable.Range(0, samples.XWidth).ToArray();
            MineRun run = fitter.Fit(samples, new[] { everyDimension }, session.Seed, FitPlan.ForEstimate(options, samples.Rows))[0];
            if (!double.IsFinite(run.Estimate.Nats) || double.IsNaN(run.Estimate.StandardError))
            {
                throw host.Process(new InvalidOperationException(
                    $"MINE ({options.Bound}) diverged: the held-out bound is not finite. Lower MineOptions.LearningRate or use MineBound.Smile."));
            }
            var estimate = new MutualInformationEstimate(options.Bound, run.Estimate.Nats, run.Estimate.StandardError,
                run.TrainingCurve, run.ValidationCurve, run.Steps, samples.Rows, skipped);
            session.Channel.Info(MessageSensitivity.None, "MINE result: {0}", estimate);
            return estimate;
        }
    }
}
