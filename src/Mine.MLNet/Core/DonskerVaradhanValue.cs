using System;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// The Donsker-Varadhan value E_P[T] - log E_Q[e^{g(T)}] (paper eq. 10) of held-out scores, with its
    /// standard error. g is the identity for MINE and a clip to [-tau, tau] for SMILE.
    /// </summary>
    internal static class DonskerVaradhanValue
    {
        /// <param name="joint">T(x_i, z_i) for each held-out row.</param>
        /// <param name="marginal">marginal[k][i] = T(x_i, z_perm_k(i)) for K shuffles of z.</param>
        /// <param name="marginalTerm">g, applied to each marginal score.</param>
        public static BoundEvaluation Evaluate(float[] joint, float[][] marginal, Func<double, double> marginalTerm)
        {
            int n = joint.Length;
            double max = double.NegativeInfinity;
            foreach (float[] row in marginal)
                foreach (float t in row)
                    max = Math.Max(max, marginalTerm(t));
            double sum = 0;
            foreach (float[] row in marginal)
                foreach (float t in row)
                    sum += Math.Exp(marginalTerm(t) - max);
            // log E_Q[e^g] = max + log(mean e^{g - max}): log-mean-exp without overflow.
            double logMean = max + Math.Log(sum / ((double)n * marginal.Length));

            // Influence of row i: T(x_i, z_i) - mean_k e^{g(T(x_i, z_k))} / E_Q[e^g].
            var influence = new float[n];
            double jointSum = 0;
            for (int i = 0; i < n; i++)
            {
                double weight = 0;
                foreach (float[] row in marginal)
                    weight += Math.Exp(marginalTerm(row[i]) - logMean);
                influence[i] = (float)(joint[i] - weight / marginal.Length);
                jointSum += joint[i];
            }
            return BoundEvaluation.FromInfluence(jointSum / n - logMean, influence);
        }
    }
}
