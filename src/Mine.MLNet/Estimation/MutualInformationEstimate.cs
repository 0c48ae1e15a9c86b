using System;
using System.Collections.Generic;

namespace Mine.MLNet
{
    /// <summary>
    /// A MINE estimate of I(X;Z), measured on held-out rows that the statistics network never trained on, with its
    /// standard error and a 95% lower confidence bound. The estimate is the value of a variational bound for the
    /// trained network, so it errs low when the network does not reach the optimum: a lower confidence bound is a
    /// statement the estimator can back, an upper one is not (see <see cref="ConfidenceLower"/>).
    /// </summary>
    public sealed class MutualInformationEstimate
    {
        internal MutualInformationEstimate(MineBound bound, double nats, double standardError,
            IReadOnlyList<MineCurvePoint> trainingCurve, IReadOnlyList<MineCurvePoint> validationCurve,
            int steps, long rowsUsed, long rowsSkipped, double? confidenceLower = null)
        {
            Bound = bound;
            Nats = nats;
            StandardError = standardError;
            ConfidenceLower = Math.Max(0, confidenceLower ?? nats - OneSidedZ * standardError);
            TrainingCurve = trainingCurve;
            ValidationCurve = validationCurve;
            Steps = steps;
            RowsUsed = rowsUsed;
            RowsSkipped = rowsSkipped;
        }

        /// <summary>The bound that produced <see cref="Nats"/>: the one set in <see cref="MineOptions.Bound"/>, or under the automatic choice DonskerVaradhan or, at high mutual information, Smile.</summary>
        public MineBound Bound { get; }

        /// <summary>
        /// The estimate in nats (natural-log units). Never negative: a constant statistics network scores 0, so
        /// when the trained network does no better on held-out rows the estimate is 0.
        /// </summary>
        public double Nats { get; }

        /// <summary>The estimate in bits (Nats / ln 2).</summary>
        public double Bits => Nats / Math.Log(2);

        /// <summary>
        /// Standard error of <see cref="Nats"/> from the held-out rows: a grouped jackknife over rows and the shuffled
        /// pairs they enter (continuous Z), or the delta method with both the x-side and the z-side influence of each
        /// row (discrete Z, exact marginal). It measures sampling noise only, not how far the network is from optimal.
        /// </summary>
        public double StandardError { get; }

        /// <summary>
        /// One-sided 95% lower confidence bound for I(X;Z) in nats, Nats - 1.645 StandardError of a lower bound (DV, NWJ or
        /// InfoNCE), never below 0. The held-out value of a variational bound is at most the truth in expectation (up to
        /// the log-mean-exp's small upward bias), so the truth lies at or above this value at least 95% of the time.
        /// Measured on the 40 tasks of the Beyond Normal benchmark (3 seeds, 10,000 rows): see docs/bmi.md. When the
        /// automatic choice of bound reports SMILE (high mutual information, <see cref="MineOptions.Bound"/>), this is
        /// still the Donsker-Varadhan network's, because SMILE is not a bound. ConfidenceLower &gt; 0 is a 5%-level test
        /// that X and Z are dependent. No upper confidence bound is reported: an optimisation shortfall of the network
        /// would push the truth above any interval built from the sampling noise alone.
        /// </summary>
        public double ConfidenceLower { get; }

        /// <summary>The standard normal's 95% quantile, for a one-sided bound.</summary>
        internal const double OneSidedZ = 1.6448536269514722;

        /// <summary>The training bound, averaged over the steps of each evaluation interval, of the first network trained (the first critic of the first fold or split).</summary>
        public IReadOnlyList<MineCurvePoint> TrainingCurve { get; }

        /// <summary>The bound on the early-stopping rows at each evaluation, of the same network as <see cref="TrainingCurve"/>.</summary>
        public IReadOnlyList<MineCurvePoint> ValidationCurve { get; }

        /// <summary>Optimisation steps run before training stopped, summed over the networks trained (the two critics of each split, cross-fitting folds, the second network of a swapped split, a SMILE network of the automatic bound).</summary>
        public int Steps { get; }

        /// <summary>Rows read and used (training plus held-out).</summary>
        public long RowsUsed { get; }

        /// <summary>Rows skipped because a value was missing (NaN, an infinity, or a missing key).</summary>
        public long RowsSkipped { get; }

        /// <inheritdoc />
        public override string ToString()
            => FormattableString.Invariant($"I = {Nats:F4} nats ({Bits:F4} bits), SE {StandardError:F4}, 95% lower bound {ConfidenceLower:F4}, {Bound}, {Steps} steps, {RowsUsed} rows");
    }
}
