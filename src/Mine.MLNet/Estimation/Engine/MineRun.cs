using System.Collections.Generic;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>What one MINE training run produced.</summary>
    internal sealed class MineRun
    {
        public MineRun(BoundEvaluation estimate, double decisionNats, IReadOnlyList<MineCurvePoint> trainingCurve,
            IReadOnlyList<MineCurvePoint> validationCurve, int steps)
        {
            Estimate = estimate;
            DecisionNats = decisionNats;
            TrainingCurve = trainingCurve;
            ValidationCurve = validationCurve;
            Steps = steps;
        }

        /// <summary>The bound on the estimation rows, with its standard error.</summary>
        public BoundEvaluation Estimate { get; }

        /// <summary>
        /// The best bound on the early-stopping rows (0 when no network beat the constant T): what a selection decides
        /// on, so that <see cref="Estimate"/> comes from rows no decision has read.
        /// </summary>
        public double DecisionNats { get; }

        public IReadOnlyList<MineCurvePoint> TrainingCurve { get; }

        public IReadOnlyList<MineCurvePoint> ValidationCurve { get; }

        /// <summary>Training steps until the candidate stopped, summed over cross-fitting folds.</summary>
        public int Steps { get; }
    }
}
