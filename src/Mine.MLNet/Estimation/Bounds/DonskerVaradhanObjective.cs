using System;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// The Donsker-Varadhan bound E_P[T] - log E_Q[e^T] (paper eq. 10), trained with the moving-average
    /// bias correction of section 3.2, one moving average per candidate.
    /// </summary>
    internal sealed class DonskerVaradhanObjective : ProductOfMarginalsObjective
    {
        private MovingLogMean[] movingLogMean;

        public DonskerVaradhanObjective(double movingAverageRate, int candidates)
        {
            movingLogMean = new MovingLogMean[candidates];
            for (int k = 0; k < candidates; k++)
                movingLogMean[k] = new MovingLogMean(movingAverageRate);
        }

        protected override Tensor Loss(Tensor joint, Tensor marginal, Tensor logWeights, out double[] batchBounds)
        {
            // log mean e^T = logsumexp(T) - log b (never log(mean(exp(T)))), per candidate.
            Tensor logMean = LogMeanExp(marginal, logWeights);
            Tensor jointMean = joint.mean(new long[] { 1 });
            double[] batchLogMean = ToDoubles(logMean);
            double[] jointMeans = ToDoubles(jointMean);
            batchBounds = new double[batchLogMean.Length];
            var reference = new float[batchLogMean.Length];
            for (int k = 0; k < batchLogMean.Length; k++)
            {
                batchBounds[k] = jointMeans[k] - batchLogMean[k];
                // Section 3.2: the gradient of log E[e^T] is E[grad T e^T] / E[e^T] (eq. 12); replace the
                // minibatch denominator by a moving average that one outlying batch cannot inflate.
                reference[k] = (float)movingLogMean[k].Update(batchLogMean[k]);
            }
            // d/dtheta exp(logMean - c) = E_B[grad T e^T] / e^c, with c the log of the moving average.
            Tensor c = tensor(reference, device: joint.device);
            return ((logMean - c).exp() - jointMean).sum();
        }

        public override void KeepCandidates(int[] positions)
            => movingLogMean = Array.ConvertAll(positions, k => movingLogMean[k]);

        /// <summary>
        /// The highest score a held-out evaluation lets T give: it evaluates the bound of min(T, cap) instead of T. Eq. 10
        /// holds for every function T, so a cap fixed before the held-out rows are scored (from training rows) keeps the
        /// value a lower bound, while one pair that T scores far above the rest no longer decides log E_Q[e^T].
        /// Default +infinity (no cap); training ignores it.
        /// </summary>
        public double ScoreCap { get; set; } = double.PositiveInfinity;

        protected override BoundEvaluation Evaluate(float[] joint, MarginalScores marginal)
            => double.IsPositiveInfinity(ScoreCap)
                ? DonskerVaradhanValue.Evaluate(joint, marginal, t => t)
                : DonskerVaradhanValue.EvaluateCapped(joint, marginal, ScoreCap);
    }
}
