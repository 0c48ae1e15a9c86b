using System;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// The Donsker-Varadhan bound E_P[T] - log E_Q[e^T] (paper eq. 10), trained with the moving-average
    /// bias correction of section 3.2.
    /// </summary>
    internal sealed class DonskerVaradhanObjective : ShuffledMarginalObjective
    {
        private readonly double rate;
        private double movingLogMean = double.NaN;

        public DonskerVaradhanObjective(double movingAverageRate)
        {
            rate = movingAverageRate;
        }

        protected override Tensor Loss(Tensor joint, Tensor marginal, out double batchBound)
        {
            // log mean e^T = logsumexp(T) - log b (never log(mean(exp(T)))).
            Tensor logMean = marginal.logsumexp(0) - Math.Log(marginal.shape[0]);
            double batchLogMean = logMean.item<float>();
            Tensor jointMean = joint.mean();
            batchBound = jointMean.item<float>() - batchLogMean;

            // Section 3.2: the gradient of log E[e^T] is E[grad T e^T] / E[e^T] (eq. 12); replace the
            // minibatch denominator by an exponential moving average, kept in log space.
            movingLogMean = double.IsNaN(movingLogMean)
                ? batchLogMean
                : LogAddExp(Math.Log(1 - rate) + movingLogMean, Math.Log(rate) + batchLogMean);
            // d/dtheta exp(logMean - c) = E_B[grad T e^T] / e^c with c = log of the moving average.
            return (logMean - movingLogMean).exp() - jointMean;
        }

        protected override BoundEvaluation Evaluate(float[] joint, float[][] marginal)
            => DonskerVaradhanValue.Evaluate(joint, marginal, t => t);

        private static double LogAddExp(double a, double b)
        {
            double max = Math.Max(a, b);
            return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
        }
    }
}
