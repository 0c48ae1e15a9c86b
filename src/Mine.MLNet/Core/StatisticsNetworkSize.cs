using System;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// The hidden layers of a statistics network when <see cref="MineOptions.HiddenLayerSizes"/> is left null: the
    /// paper's [100, 100] for an estimate, and for selection two layers sized from the widest candidate, since a
    /// one-dimensional candidate against a label needs far less than [100, 100] and selection trains one per candidate:
    /// 16 sqrt(width) units (16 for one slot, 23 for a pair, 36 for five), at most 100. The cost of a step grows with the
    /// square of the units, so this keeps five-slot candidates (a Conditional search's fifth round) 5 times cheaper
    /// than 16 units per slot would.
    /// </summary>
    internal static class StatisticsNetworkSize
    {
        /// <summary>The paper's statistics network for an estimate.</summary>
        public static readonly int[] EstimationDefault = { 100, 100 };

        /// <summary>Hidden units of a one-slot selection candidate.</summary>
        public const int UnitsForOneSlot = 16;

        /// <summary>The hidden layers for candidates at most <paramref name="candidateWidth"/> dimensions wide.</summary>
        public static int[] HiddenLayers(MineOptions options, int candidateWidth, bool forSelection)
        {
            if (options.HiddenLayerSizes != null)
                return options.HiddenLayerSizes;
            if (!forSelection)
                return EstimationDefault;
            int units = Math.Min(EstimationDefault[0], (int)Math.Ceiling(UnitsForOneSlot * Math.Sqrt(candidateWidth)));
            return new[] { units, units };
        }
    }
}
