using System;
using System.Collections.Generic;
using Mine.MLNet.Native;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Networks
{
    /// <summary>
    /// The parameters of F independent MLPs that run as one batched matrix product per layer: for each layer a weight
    /// [F, in, out] and a bias [F, 1, out].
    /// </summary>
    internal static class BatchedLayerParameters
    {
        /// <summary>
        /// Draws each layer's weight and then its bias uniform in +-1/sqrt(in) (PyTorch's default Linear initialisation)
        /// from <paramref name="generator"/>, layer after layer, and registers them on <paramref name="module"/> as
        /// weight0, bias0, weight1, ..., so the module owns them (disposed with it, not by the caller's dispose scope).
        /// </summary>
        public static (List<Parameter> Weights, List<Parameter> Biases) Register(nn.Module module, int members, int inputWidth,
            IEnumerable<int> layerSizes, Generator generator)
        {
            var weights = new List<Parameter>();
            var biases = new List<Parameter>();
            int width = inputWidth;
            foreach (int size in layerSizes)
            {
                double limit = 1.0 / Math.Sqrt(width);
                var weight = (Parameter)new Parameter(ScalarArithmetic.Uniform(new long[] { members, width, size }, limit, generator)).DetachFromDisposeScope();
                var bias = (Parameter)new Parameter(ScalarArithmetic.Uniform(new long[] { members, 1, size }, limit, generator)).DetachFromDisposeScope();
                module.register_parameter($"weight{weights.Count}", weight);
                module.register_parameter($"bias{biases.Count}", bias);
                weights.Add(weight);
                biases.Add(bias);
                width = size;
            }
            return (weights, biases);
        }
    }
}
