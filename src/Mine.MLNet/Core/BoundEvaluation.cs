using System;

namespace Mine.MLNet.Core
{
    /// <summary>A bound evaluated on held-out rows: its value and the standard error of that value.</summary>
    internal readonly struct BoundEvaluation
    {
        public BoundEvaluation(double nats, double standardError)
        {
            Nats = nats;
            StandardError = standardError;
        }

        /// <summary>The bound of a constant statistics network: exactly 0, without error.</summary>
        public static BoundEvaluation Zero => new BoundEvaluation(0, 0);

        public double Nats { get; }

        public double StandardError { get; }

        /// <summary>
        /// Mutual information is never negative and a constant T attains 0, so a held-out value below 0 is
        /// reported as 0; the standard error is kept.
        /// </summary>
        public BoundEvaluation FloorAtZero() => Nats < 0 ? new BoundEvaluation(0, StandardError) : this;

        /// <summary>
        /// Value plus the standard error from per-row influence values psi_i (first-order delta method:
        /// the estimator moves by mean(psi) - E[psi] to first order, so SE = sd(psi) / sqrt(n)).
        /// </summary>
        public static BoundEvaluation FromInfluence(double nats, float[] influence)
        {
            int n = influence.Length;
            double mean = 0;
            foreach (float v in influence)
                mean += v;
            mean /= n;
            double squares = 0;
            foreach (float v in influence)
                squares += (v - mean) * (v - mean);
            double standardError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.PositiveInfinity;
            return new BoundEvaluation(nats, standardError);
        }
    }
}
