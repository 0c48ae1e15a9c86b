using System;
using System.Collections.Generic;

namespace Mine.MLNet
{
    /// <summary>
    /// A MINE estimate of I(X;Z) with its error bar. The value is a lower bound of the true mutual
    /// information, measured on held-out rows that the statistics network never trained on.
    /// </summary>
    public sealed class MutualInformationEstimate
    {
        internal MutualInformationEstimate(MineBound bound, double nats, double standardError,
            IReadOnlyList<MineCurvePoint> trainingCurve, IReadOnlyList<MineCurvePoint> validationCurve,
            int steps, long rowsUsed, long rowsSkipped)
        {
            Bound = bound;
            Nats = nats;
            StandardError = standardError;
            TrainingCurve = trainingCurve;
            ValidationCurve = validationCurve;
            Steps = steps;
            RowsUsed = rowsUsed;
            RowsSkipped = rowsSkipped;
        }

        /// <summary>The bound that produced the estimate.</summary>
        public MineBound Bound { get; }

        /// <summary>
        /// The estimate in nats (natural-log units). Never negative: a constant statistics network scores 0, so
        /// when the trained network does no better on held-out rows the estimate is 0.
        /// </summary>
        public double Nats { get; }

        /// <summary>The estimate in bits (Nats / ln 2).</summary>
        public double Bits => Nats / Math.Log(2);

        /// <summary>Standard error of <see cref="Nats"/> over the held-out rows (first-order delta method).</summary>
        public double StandardError { get; }

        /// <summary>Lower end of the 95% confidence interval, in nats; never below 0.</summary>
        public double ConfidenceLower => Math.Max(0, Nats - 1.959963984540054 * StandardError);

        /// <summary>Upper end of the 95% confidence interval, in nats.</summary>
        public double ConfidenceUpper => Nats + 1.959963984540054 * StandardError;

        /// <summary>The training bound, averaged over the steps of each evaluation interval.</summary>
        public IReadOnlyList<MineCurvePoint> TrainingCurve { get; }

        /// <summary>The bound on the early-stopping rows at each evaluation.</summary>
        public IReadOnlyList<MineCurvePoint> ValidationCurve { get; }

        /// <summary>Optimisation steps run before training stopped.</summary>
        public int Steps { get; }

        /// <summary>Rows read and used (training plus held-out).</summary>
        public long RowsUsed { get; }

        /// <summary>Rows skipped because a value was missing (NaN, or a missing key).</summary>
        public long RowsSkipped { get; }

        /// <inheritdoc />
        public override string ToString()
            => FormattableString.Invariant($"I = {Nats:F4} nats ({Bits:F4} bits), 95% CI [{ConfidenceLower:F4}, {ConfidenceUpper:F4}], {Bound}, {Steps} steps, {RowsUsed} rows");
    }
}
