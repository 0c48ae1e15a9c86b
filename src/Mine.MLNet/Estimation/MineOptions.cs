using System.Threading;

namespace Mine.MLNet
{
    /// <summary>
    /// Settings of a MINE estimate. Every default works out of the box for tabular data with a few
    /// thousand rows or more.
    /// </summary>
    public sealed class MineOptions
    {
        /// <summary>
        /// The lower bound to train and report. Default <see cref="MineBound.Smile"/>: on correlated Gaussians
        /// (d = 5, rho = 0.9, truth 4.15 nats) it reached 3.97-4.10 nats in about 2,000 steps where the paper's
        /// Donsker-Varadhan estimator reached 3.78-3.94 in 4,000-8,000 (docs/benchmarks.md).
        /// </summary>
        public MineBound Bound { get; set; } = MineBound.Smile;

        /// <summary>Hidden layer widths of the statistics network T(x, z) (ReLU MLP). Default [100, 100].</summary>
        public int[] HiddenLayerSizes { get; set; } = { 100, 100 };

        /// <summary>Rows per optimisation step; also the number of shuffled (marginal) pairs per step. Default 256.</summary>
        public int BatchSize { get; set; } = 256;

        /// <summary>Upper limit on optimisation steps; early stopping usually ends sooner. Default 4000.</summary>
        public int MaxSteps { get; set; } = 4000;

        /// <summary>Adam learning rate. Default 1e-3.</summary>
        public double LearningRate { get; set; } = 1e-3;

        /// <summary>
        /// Rate alpha of the exponential moving average of E[e^T] used to de-bias the Donsker-Varadhan gradient
        /// (paper section 3.2): ma = (1 - alpha) * ma + alpha * batch mean. Default 0.01.
        /// </summary>
        public double MovingAverageRate { get; set; } = 0.01;

        /// <summary>
        /// Fraction of rows held out from training, in (0, 1). Half of them drive early stopping, the other
        /// half give the reported estimate and its standard error, so neither is read during training and
        /// the reported value is not the maximum of many noisy checks. Default 0.3.
        /// </summary>
        public double ValidationFraction { get; set; } = 0.3;

        /// <summary>Training stops after this many evaluations without a better held-out bound. Default 10.</summary>
        public int EarlyStoppingPatience { get; set; } = 10;

        /// <summary>Steps between two evaluations of the held-out bound. Default 100.</summary>
        public int EvaluationInterval { get; set; } = 100;

        /// <summary>Clipping threshold tau of the <see cref="MineBound.Smile"/> bound. Default 5.</summary>
        public double SmileClip { get; set; } = 5.0;

        /// <summary>
        /// Seed of the run. The same seed gives bit-identical estimates. When null, the seed is drawn from the
        /// MLContext's random source, so <c>new MLContext(seed: 1)</c> is reproducible too.
        /// </summary>
        public int? Seed { get; set; }

        /// <summary>Cancels the estimate; it then throws <see cref="System.OperationCanceledException"/>.</summary>
        public CancellationToken CancellationToken { get; set; }
    }
}
