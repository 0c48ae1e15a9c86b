using System;
using System.Collections.Generic;
using Mine.MLNet.Native;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Networks
{
    /// <summary>
    /// An exponential moving average of weights (Polyak averaging): after step t each average moves towards the weights
    /// with decay min(decay, (1 + t) / (10 + t)), so that a short run averages its recent steps rather than keeping the
    /// random initialisation.
    /// </summary>
    internal static class WeightAveraging
    {
        /// <summary>The decay after <paramref name="steps"/> updates (the first is step 1).</summary>
        public static double Rate(double decay, long steps) => Math.Min(decay, (1.0 + steps) / (10.0 + steps));

        /// <summary>averages[i] = rate averages[i] + (1 - rate) weights[i], without gradient.</summary>
        public static void Update(IReadOnlyList<Tensor> averages, IReadOnlyList<Tensor> weights, double rate)
        {
            using (no_grad())
            {
                for (int i = 0; i < averages.Count; i++)
                    ScalarArithmetic.ScaleAndAddInPlace(averages[i], rate, weights[i], 1 - rate);
            }
        }
    }
}
