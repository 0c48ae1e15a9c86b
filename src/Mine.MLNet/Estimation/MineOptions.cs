using System;
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
        /// The bound to train and report. Default null, an automatic choice: <see cref="MineBound.DonskerVaradhan"/>, the
        /// paper's MINE, which had the lowest mean absolute error on the Beyond Normal benchmark (40 tasks up to 1.7 nats,
        /// docs/bmi.md), unless its estimate on the early-stopping rows is above half the log of the batch size (2.77 nats
        /// at the default 256 rows). There a batch of shuffled pairs can no longer measure the marginal term E_Q[e^T] that
        /// the DV gradient divides by, and DV trains short of the truth (10 pairs of correlated Gaussians, truth 8.30 nats:
        /// 6.26 to 6.35), so a <see cref="MineBound.Smile"/> network is trained as well and its estimate reported when higher
        /// (7.7 to 8.0); the estimate's <see cref="MutualInformationEstimate.ConfidenceLower"/> stays the DV bound's.
        /// MutualInformationSelect uses DonskerVaradhan. Set a bound to use that one alone.
        /// </summary>
        public MineBound? Bound { get; set; }

        /// <summary>
        /// Hidden layer widths of the statistics network T(x, z) (ReLU MLP). Default null, an automatic size: for an estimate,
        /// [71, 71] for each of its two critics (about the size of the paper's [100, 100] together), and the paper's [100, 100]
        /// when it trains one (a discrete Z, and the SMILE fit of a high estimate); for MutualInformationSelect two layers of 16 sqrt(w) units, at most 100, for
        /// candidates at most w slots wide (a single slot against the label gets [16, 16], five slots [36, 36]).
        /// </summary>
        public int[] HiddenLayerSizes { get; set; }

        /// <summary>
        /// Rows per optimisation step, at most (also the number of shuffled, marginal, pairs per step): a table with fewer
        /// training rows trains on all of them at every step. Default 256.
        /// </summary>
        public int BatchSize { get; set; } = 256;

        /// <summary>Upper limit on optimisation steps; early stopping usually ends sooner. Default 4000.</summary>
        public int MaxSteps { get; set; } = 4000;

        /// <summary>Adam learning rate. Default 1e-3.</summary>
        public double LearningRate { get; set; } = 1e-3;

        /// <summary>
        /// Rate alpha of the exponential moving average of E[e^T] used to de-bias the Donsker-Varadhan gradient
        /// (paper section 3.2): ma = (1 - alpha) * ma + alpha * batch mean, except that one batch may at most double ma
        /// (its mean counts as at most max(1 / alpha, 2) * ma), so one outlying score cannot silence the marginal term.
        /// Default 0.01.
        /// </summary>
        public double MovingAverageRate { get; set; } = 0.01;

        /// <summary>
        /// Fraction of rows held out from training, in (0, 1). Half of them drive early stopping, the other
        /// half give the reported estimate and its standard error, so neither is read during training and
        /// the reported value is not the maximum of many noisy checks (with the automatic folds above 5,000 rows a second
        /// network swaps the two halves). Default 0.3.
        /// </summary>
        public double ValidationFraction { get; set; } = 0.3;

        /// <summary>
        /// Training stops after this many evaluations without a better held-out bound. Default null: 10 for an estimate,
        /// 5 for MutualInformationSelect (which trains one network per candidate and round, and only needs to tell them apart).
        /// </summary>
        public int? EarlyStoppingPatience { get; set; }

        /// <summary>
        /// Steps between two evaluations of the held-out bound. Default null: 100 for an estimate; for
        /// MutualInformationSelect about five passes over the training rows, between 25 and 100 steps (25 on a table of
        /// a few hundred rows, 100 from about 7,500 rows up).
        /// </summary>
        public int? EvaluationInterval { get; set; }

        /// <summary>
        /// Marginal Gaussianisation, default true: before training, each dimension of X and of a continuous Z is mapped
        /// through its empirical CDF on the training rows and the standard normal quantile (ties stay tied). Mutual
        /// information does not change under such per-dimension invertible maps, but heavy tails, warps and skewed or
        /// bimodal columns stop costing accuracy. False: each dimension is only standardised.
        /// </summary>
        public bool GaussianizeMarginals { get; set; } = true;

        /// <summary>Below this many usable rows, <see cref="CrossFittingFolds"/> = 0 means 5 folds.</summary>
        public const int CrossFittingRowLimit = 5000;

        /// <summary>
        /// Cross-fitting folds. With K &gt; 1, K networks are trained, each without one fold of the rows and evaluated on
        /// it, so every row contributes to the estimate (K times the training time); with 1, one network and one
        /// 70/15/15 split. Default 0: 5 folds below <see cref="CrossFittingRowLimit"/> usable rows (small tables, where
        /// a 15% estimation part would be a few dozen rows); above, one 70/15/15 split with two networks trained side by side
        /// on its 70%, the second with the early-stopping and estimation parts exchanged, and their estimates combined as
        /// folds are (on the Beyond Normal benchmark the lower confidence bound came within 25% of the truth in 113 of 120
        /// runs, against 103 with one network). Every fold or split of an estimate with a continuous Z trains two statistics networks from
        /// different initial weights, and their mean score is the T evaluated: a lower bound still, and on that benchmark
        /// 0.047 nats from the truth on average instead of 0.054 (two [100, 100] networks took 1.5 to 2.1 times as long as
        /// one; the two [71, 71] networks trained since take 12 to 19% less than that). MutualInformationSelect's
        /// per-candidate networks (Ranking, Conditional, Joint) cross-fit five folds below 1,000 rows, and train one network above.
        /// </summary>
        public int CrossFittingFolds { get; set; }

        /// <summary>Clipping threshold tau of the <see cref="MineBound.Smile"/> bound. Default 5.</summary>
        public double SmileClip { get; set; } = 5.0;

        /// <summary>
        /// Seed of the run. The same seed gives bit-identical estimates. When null, the seed is drawn from the
        /// MLContext's random source, so <c>new MLContext(seed: 1)</c> is reproducible too.
        /// </summary>
        public int? Seed { get; set; }

        /// <summary>
        /// Where the statistics network trains. Default <see cref="MineDevice.Context"/>: the CPU unless
        /// <c>MLContext.GpuDeviceId</c> is set. Mine.MLNet ships with TorchSharp-cpu, so CUDA is an error (or, through
        /// the MLContext with FallbackToCpu, a warning and the CPU).
        /// </summary>
        public MineDevice Device { get; set; } = MineDevice.Context;

        /// <summary>
        /// The most CPU threads the call uses. Default null: independent trainings (cross-fitting folds, and the groups of
        /// 8 or more candidates that a selection's batched networks are split into) run side by side, as many at once as
        /// there are cores, each on one libtorch thread. libtorch's own threads wait for each other after
        /// every operation, so a call that spreads one network over cores another process is using slows down several times
        /// over (measured on 2 cores beside one busy process: 2 to 3 times); one thread per training costs a busy machine
        /// only its fair share, and makes the numbers a seed gives the same whatever the machine's cores and load. A number
        /// n fixes the budget, n / trainings libtorch threads per training: on an idle machine one large network can run
        /// faster (a 20,000-row estimate: 1.4 s with two threads against 1.7 s with one), but the results then change in
        /// the last digits with n (libtorch's matrix products sum in an order that depends on its thread count).
        /// </summary>
        public int? NumberOfThreads { get; set; }

        /// <summary>
        /// Receives a <see cref="MineProgress"/> at every evaluation of the held-out bound (every
        /// <see cref="EvaluationInterval"/> steps), on a training thread (cross-fitting folds train on several, one report at a time). Default null.
        /// </summary>
        public IProgress<MineProgress> Progress { get; set; }

        /// <summary>Cancels the estimate; it then throws <see cref="System.OperationCanceledException"/>.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>The bound the networks train with: <see cref="Bound"/>, or Donsker-Varadhan for the automatic choice.</summary>
        internal MineBound TrainedBound => Bound ?? Estimation.Engine.AutomaticBound.First;

        /// <summary>A copy that trains <paramref name="bound"/>.</summary>
        internal MineOptions WithBound(MineBound bound)
        {
            var copy = (MineOptions)MemberwiseClone();
            copy.Bound = bound;
            return copy;
        }

        /// <summary>A copy that cancels on <paramref name="token"/> instead.</summary>
        internal MineOptions WithCancellation(CancellationToken token)
        {
            var copy = (MineOptions)MemberwiseClone();
            copy.CancellationToken = token;
            return copy;
        }
    }
}
