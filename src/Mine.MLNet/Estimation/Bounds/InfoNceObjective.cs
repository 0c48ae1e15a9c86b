using System;
using System.Collections.Generic;
using System.Threading;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Bounds
{
    /// <summary>
    /// InfoNCE: mean_i [T(x_i, z_i) - log mean_j e^{T(x_i, z_j)}] over a batch, every other row's z acting as
    /// a negative. Never exceeds ln(batch size).
    /// </summary>
    internal sealed class InfoNceObjective : MineObjective
    {
        private readonly int batchSize;

        public InfoNceObjective(int batchSize)
        {
            this.batchSize = batchSize;
        }

        public override Tensor TrainingLoss(StatisticsNetwork network, Tensor x, Tensor z, Generator generator, out double[] batchBounds)
        {
            Tensor bounds = RowBounds(network.Pairwise(x, z)).mean(new long[] { 1 });
            batchBounds = ToDoubles(bounds);
            return -bounds.sum();
        }

        public override BoundEvaluation[] Evaluate(StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z, int[] categories,
            Generator generator, CancellationToken cancellation)
        {
            int n = (int)x.shape[0];
            int count = inputs.Count / Critics;
            var values = new List<float>[count];
            for (int k = 0; k < count; k++)
                values[k] = new List<float>(n);
            using (no_grad())
            {
                // Near-equal chunks of at most one batch each, so the held-out value keeps the ln(batch) cap.
                int chunks = (n + batchSize - 1) / batchSize;
                using Tensor order = randperm(n, generator: generator, device: x.device);
                for (int c = 0; c < chunks; c++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    long start = (long)n * c / chunks, end = (long)n * (c + 1) / chunks;
                    using var scope = NewDisposeScope();
                    Tensor rows = order.narrow(0, start, end - start);
                    float[] perRow = RowBounds(MeanOverCritics(network.Pairwise(inputs.Gather(x.index_select(0, rows)), z.index_select(0, rows)), Critics)).cpu().data<float>().ToArray();
                    int length = (int)(end - start);
                    for (int k = 0; k < count; k++)
                        values[k].AddRange(new ArraySegment<float>(perRow, k * length, length));
                }
            }
            var results = new BoundEvaluation[count];
            for (int k = 0; k < count; k++)
            {
                float[] influence = values[k].ToArray();
                double sum = 0;
                foreach (float v in influence)
                    sum += v;
                results[k] = BoundEvaluation.FromInfluence(sum / influence.Length, influence);
            }
            return results;
        }

        /// <summary>Per-row InfoNCE terms, [K, n], from the scores of every pair, [K, n, n].</summary>
        private static Tensor RowBounds(Tensor scores)
            => ScalarArithmetic.Add(scores.diagonal(0, 1, 2) - scores.logsumexp(2), Math.Log(scores.shape[1]));
    }
}
