using System;
using System.Threading;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// Bounds of the form E_P[T] - f(E_Q[g(T)]) whose product-of-marginals samples come from shuffling z
    /// along the batch axis (paper Alg. 1 and footnote 5).
    /// </summary>
    internal abstract class ShuffledMarginalObjective : MineObjective
    {
        /// <summary>Pairs scored per forward pass when evaluating, to bound memory.</summary>
        private const int EvaluationChunk = 65536;

        /// <summary>Aim for about this many shuffled pairs when evaluating held-out rows.</summary>
        private const int TargetMarginalPairs = 50000;

        private const int MaxPermutations = 16;

        public sealed override Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double batchBound)
        {
            Tensor joint = network.forward(x, z);
            Tensor shuffled = z.index_select(0, randperm(z.shape[0], generator: generator, device: z.device));
            Tensor marginal = network.forward(x, shuffled);
            return Loss(joint, marginal, out batchBound);
        }

        public sealed override BoundEvaluation Evaluate(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, CancellationToken cancellation)
        {
            int n = (int)x.shape[0];
            int permutations = Math.Clamp((TargetMarginalPairs + n - 1) / n, 1, MaxPermutations);
            using (no_grad())
            {
                float[] joint = Score(network, x, z, cancellation);
                var marginal = new float[permutations][];
                for (int k = 0; k < permutations; k++)
                {
                    using Tensor order = randperm(n, generator: generator, device: z.device);
                    using Tensor shuffled = z.index_select(0, order);
                    marginal[k] = Score(network, x, shuffled, cancellation);
                }
                return Evaluate(joint, marginal);
            }
        }

        /// <summary>The surrogate loss from the joint and shuffled scores of one batch.</summary>
        protected abstract Tensor Loss(Tensor joint, Tensor marginal, out double batchBound);

        /// <summary>The bound from held-out scores: <paramref name="marginal"/>[k][i] = T(x_i, z_perm_k(i)).</summary>
        protected abstract BoundEvaluation Evaluate(float[] joint, float[][] marginal);

        private static float[] Score(StatisticsNetwork network, Tensor x, Tensor z, CancellationToken cancellation)
        {
            long n = x.shape[0];
            var scores = new float[n];
            for (long start = 0; start < n; start += EvaluationChunk)
            {
                cancellation.ThrowIfCancellationRequested();
                long length = Math.Min(EvaluationChunk, n - start);
                using var scope = NewDisposeScope();
                Tensor t = network.forward(x.narrow(0, start, length), z.narrow(0, start, length)).cpu();
                t.data<float>().CopyTo(scores, (int)start);
            }
            return scores;
        }
    }
}
