using System;
using System.Linq;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>The f-divergence (NWJ, MINE-f) bound E_P[T] - E_Q[e^{T-1}] (paper eq. 8).</summary>
    internal sealed class NwjObjective : ProductOfMarginalsObjective
    {
        /// <summary>Largest exponent evaluated in double precision; keeps a diverged network finite.</summary>
        private const double MaxExponent = 700;

        protected override Tensor Loss(Tensor joint, Tensor marginal, Tensor logWeights, out double[] batchBounds)
        {
            Tensor bounds = joint.mean(new long[] { 1 }) - Mean(ScalarArithmetic.Subtract(marginal, 1).exp(), logWeights);
            batchBounds = ToDoubles(bounds);
            return -bounds.sum();
        }

        protected override BoundEvaluation Evaluate(float[] joint, MarginalScores marginal)
        {
            int n = joint.Length;
            Func<double, double> exponent = t => Math.Min(t - 1.0, MaxExponent);
            (double mean, _, double[] rowTerms) = marginal.Expectation(exponent, shiftByMax: false);
            double nats = joint.Average(t => (double)t) - mean;
            if (marginal.IsShuffled)
                return BoundEvaluation.FromJackknife(nats, marginal.Jackknife(joint, exponent, Math.Exp));
            // Influence of row j: T(x_j, z_j) - (x-side + z-side terms of E_Q[e^{T-1}]).
            var influence = new float[n];
            for (int j = 0; j < n; j++)
                influence[j] = (float)(joint[j] - rowTerms[j]);
            return BoundEvaluation.FromInfluence(nats, influence);
        }
    }
}
