using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// The statistics network T(x, z) of MINE (paper section 3.1): a ReLU MLP on the concatenation [x, z]
    /// with one scalar output.
    /// </summary>
    internal sealed class StatisticsNetwork : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly ModuleList<Linear> layers;

        public StatisticsNetwork(int xWidth, int zWidth, IReadOnlyList<int> hiddenLayerSizes, Generator generator)
            : base(nameof(StatisticsNetwork))
        {
            layers = new ModuleList<Linear>();
            int width = xWidth + zWidth;
            foreach (int hidden in hiddenLayerSizes)
            {
                layers.Add(NewLinear(width, hidden, generator));
                width = hidden;
            }
            layers.Add(NewLinear(width, 1, generator));
            RegisterComponents();
        }

        /// <summary>T for each row pair (x_i, z_i): returns a vector of length n.</summary>
        public override Tensor forward(Tensor x, Tensor z)
        {
            Tensor h = cat(new[] { x, z }, 1);
            for (int i = 0; i < layers.Count - 1; i++)
                h = nn.functional.relu(layers[i].forward(h));
            return layers[layers.Count - 1].forward(h).squeeze(1);
        }

        /// <summary>T for every pair (x_i, z_j): returns an n-by-m matrix (used by InfoNCE).</summary>
        public Tensor Pairwise(Tensor x, Tensor z)
        {
            long n = x.shape[0], m = z.shape[0];
            Tensor xs = x.unsqueeze(1).expand(n, m, x.shape[1]).reshape(n * m, x.shape[1]);
            Tensor zs = z.unsqueeze(0).expand(n, m, z.shape[1]).reshape(n * m, z.shape[1]);
            return forward(xs, zs).reshape(n, m);
        }

        /// <summary>
        /// A linear layer initialised like PyTorch's default (uniform in +-1/sqrt(fan_in)), but from the
        /// run's own generator so parallel runs stay reproducible.
        /// </summary>
        private static Linear NewLinear(int inputs, int outputs, Generator generator)
        {
            Linear linear = nn.Linear(inputs, outputs);
            double limit = 1.0 / Math.Sqrt(inputs);
            using (no_grad())
            {
                linear.weight.copy_(rand(new long[] { outputs, inputs }, generator: generator) * (2 * limit) - limit);
                linear.bias.copy_(rand(new long[] { outputs }, generator: generator) * (2 * limit) - limit);
            }
            return linear;
        }
    }
}
