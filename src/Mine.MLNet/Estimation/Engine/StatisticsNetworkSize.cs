using System;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// The hidden layers of a fit's statistics networks: <see cref="MineOptions.HiddenLayerSizes"/>, or when it is null the
    /// paper's [100, 100] for an estimate of one critic per split and [71, 71] for each of two (<see cref="UnitsForEachOfTwoCritics"/>),
    /// and for selection two layers sized from the widest candidate, since a
    /// one-dimensional candidate against a label needs far less than [100, 100] and selection trains one per candidate:
    /// 16 sqrt(width) units (16 for one slot, 23 for a pair, 36 for five), at most 100. The cost of a step grows with the
    /// square of the units, so this keeps five-slot candidates (a Conditional search's fifth round) 5 times cheaper
    /// than 16 units per slot would.
    /// </summary>
    internal sealed class StatisticsNetworkSize
    {
        /// <summary>The paper's statistics network for an estimate.</summary>
        public static readonly int[] EstimationDefault = { 100, 100 };

        /// <summary>
        /// Hidden units per layer of each critic when an estimate trains two per split (<see cref="FitPlan.EstimateCritics"/>):
        /// two [71, 71] networks hold about the weights and multiply-adds of one [100, 100] (2 x 71² ≈ 100²). On the Beyond
        /// Normal suite (3 seeds, 10,000 rows, runs the same day) two [71, 71] critics gave a mean absolute error of 0.047
        /// nats against 0.046 with two [100, 100], the same 120 / 120 lower bounds and 117 / 120 within 25%, and took 12% less
        /// time per estimate on the whole suite (6.8 s against 7.7 s, back to back) and 19% less on six of its tasks (the
        /// runs interleaved: 6.3 and 6.6 s against 7.8 and 8.2 s): the smaller critics train for 7% more steps.
        /// </summary>
        public const int UnitsForEachOfTwoCritics = 71;

        /// <summary>Hidden units of a one-slot selection candidate.</summary>
        public const int UnitsForOneSlot = 16;

        private readonly int[] fixedLayers;

        private StatisticsNetworkSize(int[] fixedLayers)
        {
            this.fixedLayers = fixedLayers;
        }

        /// <summary>The size of an estimate's networks when it trains <paramref name="critics"/> per split.</summary>
        public static StatisticsNetworkSize ForEstimate(MineOptions options, int critics)
            => new(options.HiddenLayerSizes ?? (critics == 1 ? EstimationDefault : new[] { UnitsForEachOfTwoCritics, UnitsForEachOfTwoCritics }));

        /// <summary>The size of a selection's networks: from the candidates' width unless the options fix it.</summary>
        public static StatisticsNetworkSize ForSelection(MineOptions options) => new(options.HiddenLayerSizes);

        /// <summary>The hidden layers for candidates at most <paramref name="candidateWidth"/> dimensions wide.</summary>
        public int[] HiddenLayers(int candidateWidth)
        {
            if (fixedLayers != null)
                return fixedLayers;
            int units = Math.Min(EstimationDefault[0], (int)Math.Ceiling(UnitsForOneSlot * Math.Sqrt(candidateWidth)));
            return new[] { units, units };
        }
    }
}
