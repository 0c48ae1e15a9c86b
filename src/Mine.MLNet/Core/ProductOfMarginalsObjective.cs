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
        /// <summary>Candidate-rows scored per forward pass when evaluating, to bound memory.</summary>
        private const int EvaluationChunk = 65536;

        /// <summary>Aim for about this many shuffled pairs when evaluating held-out rows.</summary>
        private const int TargetMarginalPairs = 50000;

        private const int MaxPermutations = 16;

        public sealed override Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double[] batchBounds)
        {
            Tensor joint = network.forward(x, z);
            Tensor shuffled = z.index_select(0, randperm(z.shape[0], generator: generator, device: z.device));
            Tensor marginal = network.forward(x, shuffled);
            return Loss(joint, marginal, out batchBounds);
        }

        public sealed override BoundEvaluation[] Evaluate(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, Generator generator, CancellationToken cancellation)
        {
            int n = (int)x.shape[0];
            int permutations = Math.Clamp((TargetMarginalPairs + n - 1) / n, 1, MaxPermutations);
            using (no_grad())
            {
                float[][] joint = Score(network, inputs, x, z, cancellation);
                var marginal = new float[permutations][][];
                for (int p = 0; p < permutations; p++)
                {
                    using Tensor order = randperm(n, generator: generator, device: z.device);
                    using Tensor shuffled = z.index_select(0, order);
                    marginal[p] = Score(network, inputs, x, shuffled, cancellation);
                }
                var results = new BoundEvaluation[inputs.Count];
                for (int k = 0; k < inputs.Count; k++)
                    results[k] = Evaluate(joint[k], Array.ConvertAll(marginal, m => m[k]));
                return results;
            }
        }

        /// <summary>The summed surrogate loss from the [K, B] joint and shuffled scores of one batch.</summary>
        protected abstract Tensor Loss(Tensor joint, Tensor marginal, out double[] batchBounds);

        /// <summary>One candidate's bound from held-out scores: <paramref name="marginal"/>[p][i] = T(x_i, z_perm_p(i)).</summary>
        protected abstract BoundEvaluation Evaluate(float[] joint, float[][] marginal);

        /// <summary>T_k(x_i, z_i) for every candidate k and row i, as [K][n].</summary>
        private static float[][] Score(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, CancellationToken cancellation)
        {
            long n = x.shape[0];
            var scores = new float[inputs.Count][];
            for (int k = 0; k < inputs.Count; k++)
                scores[k] = new float[n];
            long chunk = Math.Max(1, EvaluationChunk / inputs.Count);
            for (long start = 0; start < n; start += chunk)
            {
                cancellation.ThrowIfCancellationRequested();
                long length = Math.Min(chunk, n - start);
                using var scope = NewDisposeScope();
                float[] t = network.forward(inputs.Gather(x.narrow(0, start, length)), z.narrow(0, start, length)).cpu().data<float>().ToArray();
                for (int k = 0; k < inputs.Count; k++)
                    Array.Copy(t, k * length, scores[k], start, length);
            }
            return scores;
        }
    }
}
