using System;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// The automatic choice of bound (<see cref="MineOptions.Bound"/> null): Donsker-Varadhan, and SMILE as well once the DV
    /// estimate is more than a training batch's marginal term can measure.
    /// </summary>
    /// <remarks>
    /// The DV gradient divides by E_Q[e^T] (paper eq. 12), which each step measures on the batch's B shuffled pairs. At the
    /// optimum e^T is proportional to the density ratio r = p / q, and the relative variance of a B-pair mean of r under Q
    /// is (E_Q[r^2] - 1) / B. For Gaussian dependence E_Q[r^2] = e^{2 I} exactly (per pair of correlated coordinates
    /// E_Q[r^2] = 1 / (1 - rho^2) and I = -ln(1 - rho^2) / 2), so past I = ln(B) / 2 the batch's marginal term has a
    /// relative standard error above 1: the few pairs that carry it are rarely drawn, and DV trains to a network short of
    /// the truth (10 pairs with rho 0.9, 8.30 nats: 6.26 to 6.35 at 20,000 rows; on seed 100, before the weights were averaged, with four times the patience 6.5 and with
    /// batches of 1,024 rows 6.7). SMILE's clipped marginal term keeps a bounded variance there (7.7 to 8.0).
    /// </remarks>
    internal static class AutomaticBound
    {
        /// <summary>The bound an automatic choice trains first, and the only one a selection uses.</summary>
        public const MineBound First = MineBound.DonskerVaradhan;

        /// <summary>The bound trained as well above <see cref="SwitchNats"/>.</summary>
        public const MineBound High = MineBound.Smile;

        /// <summary>
        /// The plan of the SMILE fit: the estimate's, without the appended mean squares, the weight averaging, the second network
        /// on swapped held-out parts and the second critic, so with one critic's network size. At 8.30 nats
        /// (10 pairs with rho 0.9, 20,000 rows, seeds 100 to 102) SMILE gave 7.88, 7.70 and 7.96 so, and 7.47, 7.63 and 7.85
        /// with the mean squares (one seed outside 10%); the averaging alone moved it by less than 0.08.
        /// </summary>
        /// <param name="estimate">The estimate's plan.</param>
        /// <param name="options">The estimate's options.</param>
        public static FitPlan HighPlan(FitPlan estimate, MineOptions options)
            => estimate with
            {
                Stage = $"{estimate.Stage} ({High})", NetworkSize = StatisticsNetworkSize.ForEstimate(options, critics: 1),
                MeanSquares = false, WeightAveraging = 0, SwapHeldOutParts = false, Critics = 1,
            };

        /// <summary>
        /// ln(B) / 2 nats for the fit's batch of B rows (the options' batch size, or every training row of the smallest fold
        /// when there are fewer): above it, a batch's marginal term cannot support the DV estimate.
        /// </summary>
        public static double SwitchNats(MineOptions options, FitPlan plan, int rows)
        {
            int training = plan.Folds == 1
                ? SampleSplit.Sizes(rows, options.ValidationFraction).Training
                : SampleSplit.CrossFitSizes(rows, plan.Folds, options.ValidationFraction).Training;
            return 0.5 * Math.Log(Math.Max(2, Math.Min(options.BatchSize, training)));
        }
    }
}
