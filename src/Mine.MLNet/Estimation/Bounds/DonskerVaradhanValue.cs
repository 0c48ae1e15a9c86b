using System;
using System.Linq;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// The Donsker-Varadhan value E_P[T] - log E_Q[e^{g(T)}] (paper eq. 10) of held-out scores, with its standard
    /// error. g is the identity for MINE and a clip to [-tau, tau] for SMILE.
    /// </summary>
    internal static class DonskerVaradhanValue
    {
        /// <param name="joint">T(x_i, z_i) for each held-out row.</param>
        /// <param name="marginal">Scores on pairs from the product of marginals.</param>
        /// <param name="marginalTerm">g, applied to each marginal score.</param>
        public static BoundEvaluation Evaluate(float[] joint, MarginalScores marginal, Func<double, double> marginalTerm)
        {
            int n = joint.Length;
            (double mean, double shift, double[] rowTerms) = marginal.Expectation(marginalTerm, shiftByMax: true);
            // log E_Q[e^g] = shift + log mean e^{g - shift}: log-mean-exp without overflow.
            double logMean = shift + Math.Log(mean);

            double nats = joint.Average(t => (double)t) - logMean;
            if (marginal.IsShuffled)
                return BoundEvaluation.FromJackknife(nats, marginal.Jackknife(joint, marginalTerm, logMean => logMean));
            // Influence of row j (delta method through the log): T(x_j, z_j) - (x-side + z-side terms) / E_Q[e^g].
            var influence = new float[n];
            for (int j = 0; j < n; j++)
                influence[j] = (float)(joint[j] - rowTerms[j] / mean);
            return BoundEvaluation.FromInfluence(nats, influence);
        }

        /// <summary>
        /// The value of min(T, <paramref name="cap"/>) in place of T: eq. 10 holds for every function, so with a cap fixed
        /// before these scores were drawn the value is still a lower bound, and a few pairs scored far above the rest
        /// cannot drag log E_Q[e^T] up. Where no joint score exceeds the cap it is at least the uncapped value.
        /// </summary>
        public static BoundEvaluation EvaluateCapped(float[] joint, MarginalScores marginal, double cap)
        {
            float capped = (float)cap;
            return Evaluate(Array.ConvertAll(joint, t => Math.Min(t, capped)), marginal, t => Math.Min(t, cap));
        }
    }
}
