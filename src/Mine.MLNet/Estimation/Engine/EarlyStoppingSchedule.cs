using System;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// How often a fit evaluates its networks on the early-stopping rows, and after how many evaluations without a better
    /// bound a network stops (<see cref="MineOptions.EvaluationInterval"/> and <see cref="MineOptions.EarlyStoppingPatience"/>,
    /// or these defaults when they are null). An estimate: every 100 steps, patience 10. A selection: about five passes over
    /// the training rows between evaluations (25 to 100 steps) and patience 5, so that a small table (Breast Cancer
    /// Wisconsin: 398 training rows, 2 batches per pass) is not trained for thousands of passes while patience runs out,
    /// one batched network per round. Measured on that table (Conditional, keep 5, 2 cores, one after the other): every 25
    /// steps with patience 10 took 38 s, with patience 5 27 s, and both kept the same five columns.
    /// </summary>
    internal sealed class EarlyStoppingSchedule
    {
        /// <summary>The interval of an estimate, and the most a selection uses.</summary>
        public const int EstimationDefault = 100;

        /// <summary>The least interval a selection uses.</summary>
        public const int SelectionMinimum = 25;

        /// <summary>Passes over the training rows between two evaluations in a selection.</summary>
        public const int SelectionPasses = 5;

        /// <summary>The patience of an estimate.</summary>
        public const int EstimationPatience = 10;

        /// <summary>The patience of a selection.</summary>
        public const int SelectionPatience = 5;

        private readonly int? fixedInterval;
        private readonly int batchSize;

        private EarlyStoppingSchedule(int? fixedInterval, int patience, int batchSize)
        {
            this.fixedInterval = fixedInterval;
            Patience = patience;
            this.batchSize = batchSize;
        }

        /// <summary>Evaluations without a better early-stopping bound before a network stops.</summary>
        public int Patience { get; }

        /// <summary>The schedule of an estimate.</summary>
        public static EarlyStoppingSchedule ForEstimate(MineOptions options)
            => new(options.EvaluationInterval ?? EstimationDefault, options.EarlyStoppingPatience ?? EstimationPatience, options.BatchSize);

        /// <summary>The schedule of a selection: the interval follows the table unless the options fix it.</summary>
        public static EarlyStoppingSchedule ForSelection(MineOptions options)
            => new(options.EvaluationInterval, options.EarlyStoppingPatience ?? SelectionPatience, options.BatchSize);

        /// <summary>Steps between two evaluations for a fit with <paramref name="trainingRows"/> training rows.</summary>
        public int Interval(int trainingRows)
        {
            if (fixedInterval is int interval)
                return interval;
            long passes = (long)SelectionPasses * trainingRows / Math.Min(batchSize, trainingRows);
            return (int)Math.Clamp(passes, SelectionMinimum, EstimationDefault);
        }
    }
}
