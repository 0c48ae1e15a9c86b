using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Data.Scaling;
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
            PairedSamples samples = PairedSampleReader.Read(data, x, z, cancellable.CancellationToken, out long skipped, out _, out string missing);
            if (missing != null)
            {
                session.Channel.Warning(MessageSensitivity.None, "MINE: {0:N0} of {1:N0} rows skipped for a missing value: {2}. The estimate describes the other rows only.",
                    skipped, skipped + samples.Rows, missing);
            }
            UsableRowCheck.Check(host, options, samples.Rows, skipped, rows => FitPlan.CrossFittingFolds(options, rows, automatic: true));
            if (!options.GaussianizeMarginals)
            {
                ExtremeValueCheck.Check(host, samples.X, samples.XWidth, ExtremeValueCheck.Namer(x), "MineOptions.GaussianizeMarginals");
                ExtremeValueCheck.Check(host, samples.Z, samples.ZWidth, ExtremeValueCheck.Namer(z), "MineOptions.GaussianizeMarginals");
            }
            // A constant side shares no information with anything: I(X;Z) = 0 exactly, with nothing to train.
            string constant = IsConstant(samples.X, samples.XWidth) ? "X (" + string.Join(", ", xColumnNames) + ")"
                : IsConstant(samples.Z, samples.ZWidth) ? "Z (" + string.Join(", ", zColumnNames) + ")" : null;
            if (constant != null)
            {
                session.Channel.Warning(MessageSensitivity.None, "MINE: {0} is constant on the {1} usable rows, so I(X;Z) = 0; nothing was trained.", constant, samples.Rows);
                return new MutualInformationEstimate(options.TrainedBound, 0, 0, Array.Empty<MineCurvePoint>(), Array.Empty<MineCurvePoint>(), 0, samples.Rows, skipped);
            }
            if (SharedDimension(samples) is (int xd, int zd))
            {
                session.Channel.Warning(MessageSensitivity.None,
                    "MINE: Z's value {0} equals X's value {1} on every row. Between continuous variables such a deterministic relation has infinite mutual information: the estimate is a lower bound that grows with training, not a value.",
                    zd, xd);
            }
            // I(X;Z) = I(Z;X): with a discrete X and a continuous Z, swap them so the marginal term is exact.
            if (DiscreteMarginal.Detect(samples.X, samples.XWidth) != null && DiscreteMarginal.Detect(samples.Z, samples.ZWidth) == null)
                samples = new PairedSamples(samples.Z, samples.ZWidth, samples.X, samples.XWidth);

            session.Channel.Info(MessageSensitivity.None, "MINE ({0}): {1} rows ({2} skipped for missing values), X has {3} dimensions, Z has {4}, seed {5}.",
                options.Bound?.ToString() ?? "automatic bound", samples.Rows, skipped, x.Width, z.Width, session.Seed);
            TorchSharp.torch.Device device = session.Device(options.Device, "MineOptions.Device");
            FitPlan plan = FitPlan.ForEstimate(options, samples.Rows, discreteZ: DiscreteMarginal.Detect(samples.Z, samples.ZWidth) != null);
            MineRun run = Fit(cancellable, device, session.Channel, samples, session.Seed, plan);
            var estimate = new MutualInformationEstimate(options.TrainedBound, run.Estimate.Nats, run.Estimate.StandardError,
                run.TrainingCurve, run.ValidationCurve, run.Steps, samples.Rows, skipped);
            double switchNats = AutomaticBound.SwitchNats(options, plan, samples.Rows);
            if (options.Bound == null && run.DecisionNats > switchNats)
            {
                // Past ln(B) / 2 a batch cannot measure DV's marginal term (AutomaticBound): train SMILE too, on the same
                // split and seed. SMILE is not a bound, so the lower confidence bound stays DV's.
                session.Channel.Info(MessageSensitivity.None,
                    "MINE: the Donsker-Varadhan bound reached {0:F3} nats on the early-stopping rows, above ln(batch size) / 2 = {1:F3}, where a batch of shuffled pairs cannot measure its marginal term; training a {2} network as well.",
                    run.DecisionNats, switchNats, AutomaticBound.High);
                MineOptions smile = cancellable.WithBound(AutomaticBound.High);
                MineRun high = Fit(smile, device, session.Channel, samples, session.Seed, AutomaticBound.HighPlan(plan, options));
                if (high.Estimate.Nats > run.Estimate.Nats)
                {
                    estimate = new MutualInformationEstimate(AutomaticBound.High, high.Estimate.Nats, high.Estimate.StandardError,
                        high.TrainingCurve, high.ValidationCurve, run.Steps + high.Steps, samples.Rows, skipped, estimate.ConfidenceLower);
                }
            }
            session.Channel.Info(MessageSensitivity.None, "MINE result: {0}", estimate);
            return estimate;
        }

        /// <summary>One network with <paramref name="trained"/>'s bound on every dimension of X; a non-finite held-out value is an error.</summary>
        private MineRun Fit(MineOptions trained, TorchSharp.torch.Device device, IChannel channel, PairedSamples samples, int seed, FitPlan plan)
        {
            int[] everyDimension = Enumerable.Range(0, samples.XWidth).ToArray();
            MineRun run = new StatisticsNetworkFitter(trained, device, channel).Fit(samples, new[] { everyDimension }, seed, plan)[0];
            if (!double.IsFinite(run.Estimate.Nats) || double.IsNaN(run.Estimate.StandardError))
            {
                throw host.Process(new InvalidOperationException(
                    $"MINE ({trained.TrainedBound}) diverged: the held-out bound is not finite. Lower MineOptions.LearningRate or use MineBound.Smile."));
            }
            return run;
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

        /// <summary>The first (X dimension, Z dimension) pair with equal values on every row (a continuous copy), or null.</summary>
        private static (int X, int Z)? SharedDimension(PairedSamples samples)
        {
            for (int zd = 0; zd < samples.ZWidth; zd++)
            {
                for (int xd = 0; xd < samples.XWidth; xd++)
                {
                    bool equal = true;
                    for (int i = 0; i < samples.Rows && equal; i++)
                        equal = samples.X[(long)i * samples.XWidth + xd] == samples.Z[(long)i * samples.ZWidth + zd];
                    if (equal && DiscreteMarginal.Detect(Column(samples.Z, samples.ZWidth, zd), 1) == null)
                        return (xd, zd);
                }
            }
            return null;
        }

        private static float[] Column(float[] rows, int width, int dimension)
        {
            var column = new float[rows.Length / width];
            for (int i = 0; i < column.Length; i++)
                column[i] = rows[(long)i * width + dimension];
            return column;
        }
    }
}
