using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Networks
{
    /// <summary>
    /// Which input dimensions each of K candidates sees. Rows of all dimensions, [n, F], become the batched
    /// networks' input [K, n, W]: candidate k's dimensions, zero-padded to the widest candidate's width W.
    /// </summary>
    internal sealed class CandidateInputs : IDisposable
    {
        private readonly Tensor index;
        private readonly bool identity;
        private readonly int dimensions;

        /// <param name="candidates">The dimensions each candidate sees.</param>
        /// <param name="dimensions">F, the number of dimensions of a row.</param>
        /// <param name="device">Where the index lives.</param>
        /// <param name="width">Pad to at least this width (a subset of candidates keeps the batched network's input width).</param>
        public CandidateInputs(IReadOnlyList<int[]> candidates, int dimensions, Device device, int width = 0)
        {
            if (candidates.Count == 0 || candidates.Any(c => c.Length == 0))
                throw new ArgumentException("Every candidate needs at least one input dimension.", nameof(candidates));
            this.dimensions = dimensions;
            Count = candidates.Count;
            Width = Math.Max(width, candidates.Max(c => c.Length));
            identity = Count == 1 && Width == dimensions && candidates[0].SequenceEqual(Enumerable.Range(0, dimensions));

            // Padding slots point at an extra all-zero dimension F.
            var flat = new long[Count * Width];
            for (int k = 0; k < Count; k++)
                for (int j = 0; j < Width; j++)
                    flat[k * Width + j] = j < candidates[k].Length ? candidates[k][j] : dimensions;
            index = tensor(flat, device: device);
        }

        /// <summary>K, the number of candidates.</summary>
        public int Count { get; }

        /// <summary>W, the widest candidate's number of dimensions.</summary>
        public int Width { get; }

        /// <summary>[n, F] rows to [K, n, W] candidate inputs.</summary>
        public Tensor Gather(Tensor rows)
        {
            if (identity)
                return rows.unsqueeze(0);
            long n = rows.shape[0];
            Tensor padded = cat(new[] { rows, zeros(new long[] { n, 1 }, device: rows.device) }, 1);
            return padded.index_select(1, index).reshape(n, Count, Width).permute(1, 0, 2);
        }

        public void Dispose() => index.Dispose();
    }
}
