using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Native;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Networks
{
    /// <summary>
    /// K independent statistics networks T_k(x, z) of MINE (paper section 3.1), trained together: each is a
    /// ReLU MLP on the concatenation [x_k, z] with one scalar output, and the K of them run as one batched
    /// matrix product per layer (block-structured weights [K, in, out]).
    /// </summary>
    internal sealed class StatisticsNetwork : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly List<Parameter> weights;
        private readonly List<Parameter> biases;

        public StatisticsNetwork(int candidates, int xWidth, int zWidth, IReadOnlyList<int> hiddenLayerSizes, Generator generator)
            : base(nameof(StatisticsNetwork))
        {
            Candidates = candidates;
            (weights, biases) = BatchedLayerParameters.Register(this, candidates, xWidth + zWidth, hiddenLayerSizes.Append(1), generator);
        }

        private StatisticsNetwork(IReadOnlyList<Tensor> weightValues, IReadOnlyList<Tensor> biasValues)
            : base(nameof(StatisticsNetwork))
        {
            Candidates = (int)weightValues[0].shape[0];
            weights = new List<Parameter>();
            biases = new List<Parameter>();
            for (int layer = 0; layer < weightValues.Count; layer++)
            {
                var weight = (Parameter)new Parameter(weightValues[layer]).DetachFromDisposeScope();
                var bias = (Parameter)new Parameter(biasValues[layer]).DetachFromDisposeScope();
                register_parameter($"weight{layer}", weight);
                register_parameter($"bias{layer}", bias);
                weights.Add(weight);
                biases.Add(bias);
            }
        }

        /// <summary>
        /// A new batched network holding copies of the networks at <paramref name="positions"/> (a [K'] index tensor),
        /// in that order; its parameters come in the same order as this one's.
        /// </summary>
        public StatisticsNetwork Subset(Tensor positions)
        {
            using (no_grad())
            {
                return new StatisticsNetwork(
                    weights.Select(w => w.index_select(0, positions)).ToArray(),
                    biases.Select(b => b.index_select(0, positions)).ToArray());
            }
        }

        /// <summary>K, the number of independent networks.</summary>
        public int Candidates { get; }

        /// <summary>
        /// T_k(x_k,i, z_i) for every candidate k and row i: <paramref name="x"/> is [K, n, Wx], <paramref name="z"/>
        /// is [n, Wz] (shared by the candidates); returns [K, n].
        /// </summary>
        public override Tensor forward(Tensor x, Tensor z)
        {
            Tensor h = cat(new[] { x, z.unsqueeze(0).expand(x.shape[0], z.shape[0], z.shape[1]) }, 2);
            for (int layer = 0; layer < weights.Count; layer++)
            {
                h = ScalarArithmetic.Add(bmm(h, weights[layer]), biases[layer]);
                if (layer < weights.Count - 1)
                    h = nn.functional.relu(h);
            }
            return h.squeeze(2);
        }

        /// <summary>T_k(x_k,i, z_j) for every pair (i, j): returns [K, n, m] (used by InfoNCE).</summary>
        public Tensor Pairwise(Tensor x, Tensor z)
        {
            long k = x.shape[0], n = x.shape[1], m = z.shape[0];
            Tensor xs = x.unsqueeze(2).expand(k, n, m, x.shape[2]).reshape(k, n * m, x.shape[2]);
            Tensor zs = z.unsqueeze(0).expand(n, m, z.shape[1]).reshape(n * m, z.shape[1]);
            return forward(xs, zs).reshape(k, n, m);
        }
    }
}
