using System.Collections.Generic;

namespace Mine.MLNet.Core
{
    /// <summary>What one MINE training run produced.</summary>
    internal sealed class MineRun
    {
        public MineRun(BoundEvaluation estimate, IReadOnlyList<MineCurvePoint> trainingCurve,
            IReadOnlyList<MineCurvePoint> validationCurve, int steps)
        {
            Estimate = estimate;
            TrainingCurve = trainingCurve;
            ValidationCurve = validationCurve;
            Steps = steps;
        }

        /// <summary>The bound on the estimation rows, with its standard error.</summary>
        public BoundEvaluation Estimate { get; }

        public IReadOnlyList<MineCurvePoint> TrainingCurve { get; }

        public IReadOnlyList<MineCurvePoint> ValidationCurve { get; }

        public int Steps { get; }
    }
}
