using System;
using System.Threading;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// The bounds whose second term is an expectation over the product of marginals Q = P_X x P_Z (Donsker-Varadhan,
    /// NWJ, SMILE). For a continuous Z it is estimated from shuffled pairs (paper Alg. 1); for a discrete Z
    /// (<see cref="DiscreteMarginal"/>) it is exact: every row's x against every category c, weighted by p(c).
    /// </summary>
    internal abstract class ProductOfMarginalsObjective : MineObjective
    {
        /// <summary>Rows per forward pass when scoring held-out rows.</summary>
        private const int EvaluationChunk = 65536;

        /// <summary>Held-out shuffles are repeated until about this many marginal pairs are scored.</summary>
        private const int TargetMarginalPairs = 50000;

        /// <summary>At most this many shuffles of the held-out rows.</summary>
        private const int MaxPermutations = 16;

        public sealed override Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double[] batchBounds)
        {
            Tensor joint = network.forward(x, z);
            if (Discrete == null)
            {
                Tensor shuffled = z.index_select(0, randperm(z.shape[0], generator: generator, device: z.device));
                return Loss(joint, network.forward(x, shuffled), null, out batchBounds);
            }
            // Exact: T(x_i, c) for every row and category, [K, B, C] flattened to [K, B * C], weights p(c) / B.
            long rows = x.shape[1], count = Discrete.Categories.shape[0];
            Tensor marginal = network.Pairwise(x, Discrete.Categories).reshape(x.shape[0], rows * count);
            Tensor logWeights = ScalarArithmetic.Subtract(Discrete.LogFrequencies.unsqueeze(0).expand(rows, count).reshape(rows * count), Math.Log(rows));
            return Loss(joint, marginal, logWeights, out batchBounds);
        }

        public sealed override BoundEvaluation[] Evaluate(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, int[] categories,
            Generator generator, CancellationToken cancellation)
        {
            using (no_grad())
            {
                float[][] joint = Score(network, inputs, x, z, cancellation);
                MarginalScores[] marginal = Discrete == null
                    ? Shuffled(network, inputs, x, z, generator, cancellation)
                    : ByCategory(network, inputs, x, categories, cancellation);
                var results = new BoundEvaluation[joint.Length];
                for (int k = 0; k < results.Length; k++)
                    results[k] = Evaluate(joint[k], marginal[k]);
                return results;
            }
        }

        /// <summary>
        /// The first candidate's held-out scores for a continuous Z: T(x_i, z_i) and T on shuffled pairs, drawn as
        /// <see cref="Evaluate(StatisticsNetwork, CandidateInputs, Tensor, Tensor, int[], Generator, CancellationToken)"/> draws them, so that several functions of one T (for instance min(T, c) for several caps c)
        /// can be evaluated on the same scores.
        /// </summary>
        public (float[] Joint, MarginalScores Marginal) ShuffledScores(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z,
            Generator generator, CancellationToken cancellation)
        {
            if (Discrete != null)
                throw new InvalidOperationException("Shuffled scores are for a continuous Z; a discrete Z's marginal term is exact.");
            using (no_grad())
                return (Score(network, inputs, x, z, cancellation)[0], Shuffled(network, inputs, x, z, generator, cancellation)[0]);
        }

        /// <summary>The scores T(x_i, z_i) of the rows' own pairs, one array per network.</summary>
        public static float[][] JointScores(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, CancellationToken cancellation)
        {
            using (no_grad())
                return Score(network, inputs, x, z, 1, cancellation);
        }

        /// <summary>The training loss (to minimise) and each candidate's bound on the batch.</summary>
        /// <param name="joint">[K, B] scores of the joint pairs.</param>
        /// <param name="marginal">[K, M] scores of pairs from Q.</param>
        /// <param name="logWeights">[M] log weights of those pairs (summing to 1), or null for equal weights.</param>
        /// <param name="batchBounds">Each candidate's bound on the batch.</param>
        protected abstract Tensor Loss(Tensor joint, Tensor marginal, Tensor logWeights, out double[] batchBounds);

        /// <summary>The bound and its standard error from held-out scores.</summary>
        protected abstract BoundEvaluation Evaluate(float[] joint, MarginalScores marginal);

        /// <summary>log E_Q[e^T] per candidate, [K]: log-sum-exp of the weighted scores.</summary>
        protected static Tensor LogMeanExp(Tensor marginal, Tensor logWeights)
            => logWeights is null
                ? ScalarArithmetic.Subtract(marginal.logsumexp(1), Math.Log(marginal.shape[1]))
                : ScalarArithmetic.Add(marginal, logWeights).logsumexp(1);

        /// <summary>E_Q[values] per candidate, [K].</summary>
        protected static Tensor Mean(Tensor values, Tensor logWeights)
            => logWeights is null ? values.mean(new long[] { 1 }) : (values * logWeights.exp()).sum(1);

        private MarginalScores[] Shuffled(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, Generator generator, CancellationToken cancellation)
        {
            int n = (int)x.shape[0];
            int permutations = Math.Clamp((TargetMarginalPairs + n - 1) / n, 1, MaxPermutations);
            var scores = new float[permutations][][];
            var orders = new int[permutations][];
            for (int p = 0; p < permutations; p++)
            {
                using Tensor order = randperm(n, generator: generator, device: z.device);
                using Tensor shuffled = z.index_select(0, order);
                orders[p] = Array.ConvertAll(order.cpu().data<long>().ToArray(), v => (int)v);
                scores[p] = Score(network, inputs, x, shuffled, cancellation);
            }
            var result = new MarginalScores[scores[0].Length];
            for (int k = 0; k < result.Length; k++)
                result[k] = MarginalScores.Shuffled(Array.ConvertAll(scores, s => s[k]), orders);
            return result;
        }

        private MarginalScores[] ByCategory(StatisticsNetwork network, CandidateInputs inputs, Tensor x, int[] categories, CancellationToken cancellation)
        {
            long n = x.shape[0], count = Discrete.Categories.shape[0];
            var scores = new float[count][][];
            for (int c = 0; c < count; c++)
            {
                using var scope = NewDisposeScope();
                Tensor zc = Discrete.Categories.narrow(0, c, 1).expand(n, Discrete.Categories.shape[1]);
                scores[c] = Score(network, inputs, x, zc, cancellation);
            }
            var result = new MarginalScores[scores[0].Length];
            for (int k = 0; k < result.Length; k++)
                result[k] = MarginalScores.ByCategory(Array.ConvertAll(scores, s => s[k]), categories);
            return result;
        }

        /// <summary>Each candidate's scores of the pairs (x_i, z_i), [K][n]: the mean of its critics' (<see cref="MineObjective.Critics"/>).</summary>
        private float[][] Score(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, CancellationToken cancellation)
            => Score(network, inputs, x, z, Critics, cancellation);

        private static float[][] Score(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, int critics, CancellationToken cancellation)
        {
            long n = x.shape[0];
            int count = inputs.Count / critics;
            var scores = new float[count][];
            for (int k = 0; k < count; k++)
                scores[k] = new float[n];
            long chunk = Math.Max(1, EvaluationChunk / inputs.Count);
            for (long start = 0; start < n; start += chunk)
            {
                cancellation.ThrowIfCancellationRequested();
                long length = Math.Min(chunk, n - start);
                using var scope = NewDisposeScope();
                Tensor perNetwork = network.forward(inputs.Gather(x.narrow(0, start, length)), z.narrow(0, start, length));
                float[] t = MeanOverCritics(perNetwork, critics).cpu().data<float>().ToArray();
                for (int k = 0; k < count; k++)
                    Array.Copy(t, k * length, scores[k], start, length);
            }
            return scores;
        }
    }
}
