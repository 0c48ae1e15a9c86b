using System;
using System.Threading;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// One variational lower bound on I(X;Z): the surrogate loss that trains the statistics network, and
    /// the bound's value with a standard error on held-out rows.
    /// </summary>
    internal abstract class MineObjective
    {
        /// <summary>Creates the objective selected in <paramref name="options"/>.</summary>
        public static MineObjective Create(MineOptions options) => options.Bound switch
        {
            MineBound.DonskerVaradhan => new DonskerVaradhanObjective(options.MovingAverageRate),
            MineBound.Nwj => new NwjObjective(),
            MineBound.InfoNce => new InfoNceObjective(options.BatchSize),
            MineBound.Smile => new SmileObjective(options.SmileClip),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Bound, "Unknown MineBound."),
        };

        /// <summary>
        /// A scalar to minimise whose gradient is the (bias-corrected) gradient of minus the bound on this
        /// batch of joint samples; <paramref name="batchBound"/> receives the bound's value on the batch.
        /// </summary>
        public abstract Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double batchBound);

        /// <summary>The bound on held-out rows, with its standard error; no gradient is recorded.</summary>
        public abstract BoundEvaluation Evaluate(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, CancellationToken cancellation);
    }
}
