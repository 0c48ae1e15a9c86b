using System;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// The log of section 3.2's exponential moving average of E_Q[e^T], which replaces the minibatch denominator of
    /// the Donsker-Varadhan gradient (eq. 12). One batch may at most double the average.
    /// </summary>
    /// <remarks>
    /// e^T is heavy-tailed. On MNIST one pair scored far above the rest lifted the plain average about 700-fold, and it
    /// then decays only by (1 - rate) per step. Until it did, the marginal term's gradient was weighted down by that
    /// factor, T drifted upward with nothing holding it, and the bound ran away to -2.8 million nats
    /// (docs/regulariser.md). A capped average errs low, which only strengthens the marginal term.
    /// </remarks>
    internal sealed class MovingLogMean
    {
        private readonly double logRate;
        private readonly double logKeep;
        private readonly double logCap;

        /// <param name="rate">The weight of each new batch, in (0, 1]; 1 keeps no history.</param>
        public MovingLogMean(double rate)
        {
            logRate = Math.Log(rate);
            logKeep = Math.Log(1 - rate);
            // A batch may count as at most max(1 / rate, 2) times the current average. Below rate 1/2 that caps the new
            // average at (2 - rate) times the old; at rate 1 (no averaging: the batch's own mean) at twice the old.
            logCap = Math.Max(-logRate, Math.Log(2));
        }

        /// <summary>The log of the average, NaN before the first batch.</summary>
        public double Value { get; private set; } = double.NaN;

        /// <summary>Folds in one batch's log mean e^T and returns the new log average.</summary>
        public double Update(double batchLogMean)
        {
            Value = double.IsNaN(Value)
                ? batchLogMean
                : LogAddExp(logKeep + Value, logRate + Math.Min(batchLogMean, Value + logCap));
            return Value;
        }

        private static double LogAddExp(double a, double b)
        {
            double max = Math.Max(a, b);
            return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
        }
    }
}
