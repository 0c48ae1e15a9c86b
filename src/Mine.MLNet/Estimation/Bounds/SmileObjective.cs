using System;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// SMILE (Song and Ermon 2020): T is trained with the Jensen-Shannon f-GAN bound, whose optimum is the log
    /// density ratio, and the reported value is the Donsker-Varadhan bound with the marginal term's T clipped
    /// to [-tau, tau], which bounds the variance of E_Q[e^T]. (Training the clipped bound itself would let T on
    /// the joint grow without limit.)
    /// </summary>
    internal sealed class SmileObjective : ProductOfMarginalsObjective
    {
        private readonly double tau;

        public SmileObjective(double clip)
        {
            tau = clip;
        }

        protected override Tensor Loss(Tensor joint, Tensor marginal, Tensor logWeights, out double[] batchBounds)
        {
            using (no_grad())
            {
                Tensor logMean = LogMeanExp(ScalarArithmetic.Clamp(marginal, -tau, tau), logWeights);
                batchBounds = ToDoubles(joint.mean(new long[] { 1 }) - logMean);
            }
            // Jensen-Shannon (f-GAN) bound, per candidate: E_P[-softplus(-T)] - E_Q[softplus(T)].
            Tensor js = -ScalarArithmetic.Softplus(-joint).mean(new long[] { 1 }) - Mean(ScalarArithmetic.Softplus(marginal), logWeights);
            return -js.sum();
        }

        protected override BoundEvaluation Evaluate(float[] joint, MarginalScores marginal)
            => DonskerVaradhanValue.Evaluate(joint, marginal, t => Math.Clamp(t, -tau, tau));
    }
}
