using System;

namespace Mine.MLNet.Estimation.Statistics
{
    /// <summary>
    /// A bound evaluated on held-out rows: its value, the standard error of that value, and the replicates the error
    /// came from (per-row influence values or leave-one-group-out jackknife values), so that the difference of two
    /// bounds evaluated on the same rows gets a paired standard error.
    /// </summary>
    internal readonly struct BoundEvaluation
    {
        private readonly double[] replicates;
        private readonly bool jackknife;

        public BoundEvaluation(double nats, double standardError)
            : this(nats, standardError, null, false)
        {
        }

        private BoundEvaluation(double nats, double standardError, double[] replicates, bool jackknife)
        {
            Nats = nats;
            StandardError = standardError;
            this.replicates = replicates;
            this.jackknife = jackknife;
        }

        /// <summary>The bound of a constant statistics network: exactly 0, without error.</summary>
        public static BoundEvaluation Zero => new BoundEvaluation(0, 0);

        public double Nats { get; }

        public double StandardError { get; }

        /// <summary>
        /// Mutual information is never negative and a constant T attains 0, so a held-out value below 0 is
        /// reported as 0; the standard error is kept.
        /// </summary>
        public BoundEvaluation FloorAtZero() => Nats < 0 ? new BoundEvaluation(0, StandardError, replicates, jackknife) : this;

        /// <summary>
        /// Value plus the standard error from per-row influence values psi_i (first-order delta method:
        /// the estimator moves by mean(psi) - E[psi] to first order, so SE = sd(psi) / sqrt(n)).
        /// </summary>
        public static BoundEvaluation FromInfluence(double nats, float[] influence)
        {
            double[] values = Array.ConvertAll(influence, v => (double)v);
            return new BoundEvaluation(nats, InfluenceStandardError(values), values, jackknife: false);
        }

        /// <summary>
        /// Value plus the grouped-jackknife standard error from the leave-one-group-out values v_k:
        /// SE = sqrt((g - 1) / g * sum (v_k - mean v)^2).
        /// </summary>
        public static BoundEvaluation FromJackknife(double nats, double[] leaveOneGroupOut)
            => new BoundEvaluation(nats, JackknifeStandardError(leaveOneGroupOut), leaveOneGroupOut, jackknife: true);

        /// <summary>
        /// The standard error of <paramref name="a"/> - <paramref name="b"/> for two bounds evaluated on the same rows (and
        /// the same shuffles): the error of the paired differences of their replicates, which cancels the noise the two share.
        /// A bound without replicates (<see cref="Zero"/>, or one combined over cross-fitting folds) is taken as independent
        /// of the other, and the two errors add in quadrature.
        /// </summary>
        public static double StandardErrorOfDifference(BoundEvaluation a, BoundEvaluation b)
        {
            if (a.replicates == null || b.replicates == null || a.jackknife != b.jackknife || a.replicates.Length != b.replicates.Length)
                return Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError);
            var difference = new double[a.replicates.Length];
            for (int i = 0; i < difference.Length; i++)
                difference[i] = a.replicates[i] - b.replicates[i];
            return a.jackknife ? JackknifeStandardError(difference) : InfluenceStandardError(difference);
        }

        private static double InfluenceStandardError(double[] influence)
        {
            int n = influence.Length;
            return n < 2 ? double.PositiveInfinity : Finite(Math.Sqrt(SquaredDeviations(influence) / (n - 1) / n));
        }

        private static double JackknifeStandardError(double[] values)
        {
            int g = values.Length;
            return g < 2 ? double.PositiveInfinity : Finite(Math.Sqrt((g - 1.0) / g * SquaredDeviations(values)));
        }

        /// <summary>sum (v_i - mean v)^2.</summary>
        private static double SquaredDeviations(double[] values)
        {
            double mean = 0;
            foreach (double v in values)
                mean += v;
            mean /= values.Length;
            double squares = 0;
            foreach (double v in values)
                squares += (v - mean) * (v - mean);
            return squares;
        }

        /// <summary>Non-finite scores (an overflowing term) leave nothing to measure the spread with: an infinite error, never NaN.</summary>
        private static double Finite(double standardError) => double.IsFinite(standardError) ? standardError : double.PositiveInfinity;
    }
}
