using System;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Data;
using Mine.MLNet.Native;
using Mine.MLNet.Selection.Amortized;
using Mine.MLNet.Testing;
using TorchSharp;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>
    /// The amortised critic flips candidates of a large row set in blocks of rows (bounded memory, the estimation rows of a
    /// long table): the blocks give the values of the whole set at once, and those values are the interaction's, not 0.
    /// </summary>
    [TestClass]
    public sealed class AmortizedCriticBlockTests
    {
        [TestMethod]
        public void FlipsInBlocksGiveTheValuesOfTheWholeSet()
        {
            // y depends on sign(x1 x2) + sign(x3 x4) + x5; one candidate spans two slots, so terms are summed over slots.
            var context = new MLContext(seed: 0);
            var host = (IHostEnvironment)context;
            TorchSharpNativeLibrary.EnsureLoadable(host);
            var (features, labels, _) = InteractionData.Draw(3000, 8, seed: 5);
            int width = features[0].Length;
            var samples = new PairedSamples(features.SelectMany(r => r).ToArray(), width, labels.Select(l => (float)l).ToArray(), 1);
            int[][] candidates = new[] { new[] { 0 }, new[] { 1 }, new[] { 2, 3 }, new[] { 4 } }
                .Concat(Enumerable.Range(5, width - 5).Select(s => new[] { s })).ToArray();
            using IChannel channel = host.Start("test");
            using AmortizedCritic critic = AmortizedCritic.Fit(samples, candidates, new MineOptions { Seed = 1, MaxSteps = 1500 },
                torch.CPU, seed: 1, channel, "test");

            int[] every = Enumerable.Range(0, candidates.Length).ToArray();
            var all = Enumerable.Repeat(true, candidates.Length).ToArray();
            bool[] some = every.Select(c => c % 2 == 0).ToArray();
            foreach (bool[] subset in new[] { all, some })
            {
                double[][] whole = critic.Flips(critic.Estimation, subset, every, CancellationToken.None);
                double[][] blocks = critic.FlipsInBlocks(critic.Estimation, subset, every, blockFloats: 20_000, CancellationToken.None);
                Assert.HasCount(whole.Length, blocks);
                for (int i = 0; i < whole.Length; i++)
                    for (int c = 0; c < every.Length; c++)
                        Assert.AreEqual(whole[i][c], blocks[i][c], 1e-4, $"row {i}, candidate {c}");
            }

            // From every candidate, masking x1 loses the first pair's interaction (0.10 nats with seed 1, where x1 alone
            // carries none); masking a noise column loses nothing. An all-zero flip would fail here.
            double[][] flips = critic.FlipsInBlocks(critic.Estimation, all, every, blockFloats: 20_000, CancellationToken.None);
            double Loss(int c) => flips.Average(r => r[c]);
            Assert.IsGreaterThan(0.05, Loss(0), "x1");
            Assert.IsLessThan(0.02, Math.Abs(Loss(candidates.Length - 1)), "a noise column");
        }
    }
}
