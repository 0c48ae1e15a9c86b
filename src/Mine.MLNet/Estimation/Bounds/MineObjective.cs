using System;
using System.Threading;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// One variational objective for I(X;Z) (a lower bound, except SMILE), for K candidate networks at once: the surrogate loss that trains
    /// them, and each bound's value with a standard error on held-out rows.
    /// </summary>
    internal abstract class MineObjective
    {
        /// <summary>
        /// Creates the objective selected in <paramref name="options"/> for <paramref name="candidates"/> networks;
        /// <paramref name="discrete"/> (or null) holds the categories of a discrete Z for an exact marginal term;
        /// <paramref name="batchSize"/> is the rows per step (InfoNCE's held-out chunks are as large), by default the options'.
        /// <paramref name="critics"/> is the networks per candidate whose mean score an evaluation takes as the candidate's T
        /// (<see cref="Critics"/>).
        /// </summary>
        public static MineObjective Create(MineOptions options, int candidates, DiscreteMarginalTensors discrete = null, int? batchSize = null, int critics = 1)
        {
            MineObjective objective = options.TrainedBound switch
            {
                MineBound.DonskerVaradhan => new DonskerVaradhanObjective(options.MovingAverageRate, candidates),
                MineBound.Nwj => new NwjObjective(),
                MineBound.InfoNce => new InfoNceObjective(batchSize ?? options.BatchSize),
                MineBound.Smile => new SmileObjective(options.SmileClip),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.TrainedBound, "Unknown MineBound."),
            };
            objective.Discrete = discrete;
            objective.Critics = critics;
            return objective;
        }

        /// <summary>
        /// Consecutive networks per candidate in what <see cref="Evaluate"/> is given: candidate k's T is the mean score of
        /// networks k C to k C + C - 1, so an evaluation returns one bound per C networks. The three lower bounds are concave in
        /// T (E_P[T] is linear; log E_Q[e^T], E_Q[e^(T-1)] and the InfoNCE log-sum-exp are convex), so the mean of C networks
        /// scores at least the mean of their bounds, and, being one more function T, is still a lower bound (SMILE, which is
        /// not a bound, is averaged the same way). 1 (the default): each network is its own candidate. Training ignores it:
        /// every network trains on its own loss.
        /// </summary>
        public int Critics { get; private set; } = 1;

        /// <summary>The categories of a discrete Z, when the marginal term is computed exactly; null otherwise.</summary>
        protected DiscreteMarginalTensors Discrete { get; private set; }

        /// <summary>
        /// A scalar to minimise: the sum over candidates of a loss whose gradient is the (bias-corrected) gradient
        /// of minus that candidate's bound on this batch. <paramref name="x"/> is [K, B, W], <paramref name="z"/>
        /// [B, Wz]; <paramref name="batchBounds"/> receives each candidate's bound on the batch.
        /// </summary>
        public abstract Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double[] batchBounds);

        /// <summary>
        /// Each candidate's bound on held-out rows (<paramref name="x"/> [n, F], <paramref name="z"/> [n, Wz]), one per
        /// <see cref="Critics"/> networks of <paramref name="inputs"/>; <paramref name="categories"/> holds each row's
        /// category when Z is discrete, else null.
        /// </summary>
        public abstract BoundEvaluation[] Evaluate(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, int[] categories,
            Generator generator, CancellationToken cancellation);

        /// <summary>
        /// Keeps only the candidates at <paramref name="positions"/>, in that order, when the batched network is cut down
        /// to them. Objectives without per-candidate state have nothing to do.
        /// </summary>
        public virtual void KeepCandidates(int[] positions)
        {
        }

        /// <summary>Scores [K C, ...] of consecutive groups of <paramref name="critics"/> networks to their means, [K, ...].</summary>
        protected static Tensor MeanOverCritics(Tensor scores, int critics)
        {
            if (critics == 1)
                return scores;
            long[] shape = scores.shape;
            long[] grouped = new long[shape.Length + 1];
            grouped[0] = shape[0] / critics;
            grouped[1] = critics;
            Array.Copy(shape, 1, grouped, 2, shape.Length - 1);
            return scores.reshape(grouped).mean(new long[] { 1 });
        }

        /// <summary>A [K] tensor as doubles.</summary>
        protected static double[] ToDoubles(Tensor values)
            => Array.ConvertAll(values.detach().cpu().data<float>().ToArray(), v => (double)v);
    }
}
