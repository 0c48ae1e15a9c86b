using System;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>The f-divergence (NWJ, MINE-f) bound E_P[T] - E_Q[e^{T-1}] (paper eq. 8).</summary>
    internal sealed class NwjObjective : ShuffledMarginalObjective
    {
        /// <summary>Largest exponent evaluated in double precision; keeps a diverged network finite.</summary>
        private const double MaxExponent = 700;

        protected override Tensor Loss(Tensor joint, Tensor marginal, out double[] batchBounds)
        {
            Tensor bounds = joint.mean(new long[] { 1 }) - ScalarArithmetic.Subtract(marginal, 1).exp().mean(new long[] { 1 });
            batchBounds = ToDoubles(bounds);
            return -bounds.sum();
        }

        protected override BoundEvaluation Evaluate(float[] joint, float[][] marginal)
        {
            int n = joint.Length;
            var influence = new float[n];
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double expected = 0;
                foreach (float[] row in marginal)
                    expected += Math.Exp(Math.Min(row[i] - 1.0, MaxExponent));
                double psi = joint[i] - expected / marginal.Length;
                influence[i] = (float)psi;
                sum += psi;
            }
            return BoundEvaluation.FromInfluence(sum / n, influence);
        }
    }
}
