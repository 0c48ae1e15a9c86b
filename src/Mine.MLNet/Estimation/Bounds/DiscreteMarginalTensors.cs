using System;
using System.Linq;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>The categories of a discrete Z as network inputs, with their log frequencies on the training rows.</summary>
    internal sealed class DiscreteMarginalTensors : IDisposable
    {
        public DiscreteMarginalTensors(float[] categories, int width, double[] frequencies, Device device)
        {
            Categories = tensor(categories, new long[] { categories.Length / width, width }, device: device);
            // A category absent from the training rows gets weight 0 (log 0 = -infinity drops it from logsumexp).
            LogFrequencies = tensor(frequencies.Select(p => (float)Math.Log(p)).ToArray(), device: device);
        }

        /// <summary>[C, Wz]: each category as the network sees it (already transformed like z).</summary>
        public Tensor Categories { get; }

        /// <summary>[C]: log p(c) on the training rows.</summary>
        public Tensor LogFrequencies { get; }

        public void Dispose()
        {
            Categories.Dispose();
            LogFrequencies.Dispose();
        }
    }
}
