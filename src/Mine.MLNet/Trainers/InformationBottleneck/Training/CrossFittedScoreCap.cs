using System;
using System.Linq;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>
    /// The trainer's final held-out I(X;Z): the Donsker-Varadhan bound (eq. 10) of min(T, c), cross-fitted over two halves
    /// of the held-out rows. Each half's cap c is the candidate that gives the other half the highest bound, so it is fixed
    /// before the half it is applied to is looked at, and eq. 10, which holds for every function, keeps each half's value a
    /// lower bound. The candidates are quantiles of T's scores on the training rows' own pairs.
    /// </summary>
    /// <remarks>
    /// A single cap at T's highest training score was not enough on one MNIST seed: a few held-out images paired with other
    /// images' codes scored near that cap, and log E_Q[e^T] put the bound at -2.8 +- 5.7 nats where the same T gave 3.2 on
    /// training rows. A lower cap costs the joint term only the few own pairs above it.
    /// </remarks>
    internal static class CrossFittedScoreCap
    {
        /// <summary>Quantiles of T's scores on training pairs that are the candidate caps; 1 is the highest score.</summary>
        private static readonly double[] CandidateQuantiles = { 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 };

        /// <summary>The candidate caps: <see cref="CandidateQuantiles"/> of <paramref name="trainingJointScores"/>, ascending, distinct.</summary>
        public static double[] Candidates(float[] trainingJointScores)
        {
            float[] sorted = (float[])trainingJointScores.Clone();
            Array.Sort(sorted);
            return CandidateQuantiles
                .Select(q => (double)sorted[(int)Math.Round(q * (sorted.Length - 1))])
                .Distinct()
                .ToArray();
        }

        /// <summary>
        /// The mean of the two halves' capped bounds, each with the cap chosen on the other half, with the standard error of
        /// that mean (the halves share no rows, so their errors add in quadrature); and the two caps.
        /// </summary>
        public static (BoundEvaluation Bound, double FirstHalfCap, double SecondHalfCap) Evaluate(double[] candidates,
            (float[] Joint, MarginalScores Marginal) firstHalf, (float[] Joint, MarginalScores Marginal) secondHalf)
        {
            double firstCap = Best(candidates, secondHalf), secondCap = Best(candidates, firstHalf);
            BoundEvaluation first = DonskerVaradhanValue.EvaluateCapped(firstHalf.Joint, firstHalf.Marginal, firstCap);
            BoundEvaluation second = DonskerVaradhanValue.EvaluateCapped(secondHalf.Joint, secondHalf.Marginal, secondCap);
            double standardError = 0.5 * Math.Sqrt(first.StandardError * first.StandardError + second.StandardError * second.StandardError);
            return (new BoundEvaluation(0.5 * (first.Nats + second.Nats), standardError), firstCap, secondCap);
        }

        /// <summary>The candidate cap with the highest bound on <paramref name="half"/> (the highest cap among ties).</summary>
        private static double Best(double[] candidates, (float[] Joint, MarginalScores Marginal) half)
        {
            double best = candidates[^1], bestNats = double.NegativeInfinity;
            foreach (double cap in candidates)
            {
                double nats = DonskerVaradhanValue.EvaluateCapped(half.Joint, half.Marginal, cap).Nats;
                if (nats >= bestNats)
                {
                    best = cap;
                    bestNats = nats;
                }
            }
            return best;
        }
    }
}
