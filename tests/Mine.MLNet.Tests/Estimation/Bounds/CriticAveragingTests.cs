using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Testing;
using static TorchSharp.torch;

namespace Mine.MLNet.Tests.Estimation.Bounds
{
    /// <summary>
    /// An estimate's T is the mean score of its critics (<see cref="MineObjective.Critics"/>). Two hand-set critics on
    /// correlated Gaussians (rho 0.5): T_a = 0.6 |x + z| and T_b = 0 (a ReLU layer computes |x + z| = relu(x + z) +
    /// relu(-x - z)). Their mean, 0.3 |x + z|, is one network with the last layer halved, so an evaluation with two critics
    /// must give exactly that network's bound on the same rows and shuffles. Its population Donsker-Varadhan value is
    /// 0.3 E_P|s| - ln E_Q[e^{0.3 |s|}] = 0.041 nats (s = x + z is N(0, 3) under P and N(0, 2) under Q), while T_a scores
    /// -0.003 and T_b exactly 0: the mean of the critics scores above the mean of their bounds (the bound is concave in T).
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class CriticAveragingTests
    {
        private const int Rows = 4000;

        [TestMethod]
        [DataRow(MineBound.DonskerVaradhan)]
        [DataRow(MineBound.InfoNce)]
        public void TwoCriticsEvaluateAsTheNetworkOfTheirMeanScore(MineBound bound)
        {
            using var scope = NewDisposeScope();
            var rows = CorrelatedGaussians.Sample(Rows, 1, 0.5, seed: 11).ToArray();
            Tensor x = tensor(rows.Select(r => (float)r.X[0]).ToArray()).reshape(Rows, 1);
            Tensor z = tensor(rows.Select(r => (float)r.Z[0]).ToArray()).reshape(Rows, 1);
            var options = new MineOptions { Bound = bound, BatchSize = 256 };

            using var pair = AbsoluteSumCritics(0.6f, 0f);
            using var mean = AbsoluteSumCritics(0.3f);
            using var twoInputs = new CandidateInputs(new[] { new[] { 0 }, new[] { 0 } }, 1, CPU);
            using var oneInput = new CandidateInputs(new[] { new[] { 0 } }, 1, CPU);

            BoundEvaluation[] averaged = Evaluate(MineObjective.Create(options, 2, critics: 2), pair, twoInputs, x, z);
            BoundEvaluation[] single = Evaluate(MineObjective.Create(options, 1), mean, oneInput, x, z);
            BoundEvaluation[] separate = Evaluate(MineObjective.Create(options, 2), pair, twoInputs, x, z);

            Assert.HasCount(1, averaged, "two critics make one candidate");
            Assert.HasCount(2, separate, "without critics every network is a candidate");
            Assert.AreEqual(single[0].Nats, averaged[0].Nats, 1e-5, "the two critics' bound is their mean network's");
            Assert.AreEqual(single[0].StandardError, averaged[0].StandardError, 1e-5);
            Assert.AreEqual(0.0, separate[1].Nats, 1e-6, "T_b = 0 scores exactly 0");
            double meanOfBounds = separate.Average(b => b.Nats);
            Assert.IsGreaterThan(meanOfBounds + 0.02, averaged[0].Nats, $"mean critic {averaged[0].Nats}, mean of the critics' bounds {meanOfBounds}");
        }

        private static BoundEvaluation[] Evaluate(MineObjective objective, StatisticsNetwork network, CandidateInputs inputs, Tensor x, Tensor z)
        {
            using var generator = new Generator(5);
            return objective.Evaluate(network, inputs, x, z, null, generator, System.Threading.CancellationToken.None);
        }

        /// <summary>One network per scale c: T = c (relu(x + z) + relu(-x - z)) = c |x + z|.</summary>
        private static StatisticsNetwork AbsoluteSumCritics(params float[] scales)
        {
            using var generator = new Generator(0);
            var network = new StatisticsNetwork(scales.Length, 1, 1, new[] { 2 }, generator);
            Tensor[] parameters = network.parameters().ToArray();
            using (no_grad())
            {
                // weight0 [K, 2 inputs (x, z), 2 units], bias0 [K, 1, 2], weight1 [K, 2, 1], bias1 [K, 1, 1].
                parameters[0].copy_(tensor(new float[] { 1, -1, 1, -1 }).reshape(1, 2, 2).expand(scales.Length, 2, 2));
                parameters[1].zero_();
                parameters[2].copy_(tensor(scales).reshape(scales.Length, 1, 1).expand(scales.Length, 2, 1));
                parameters[3].zero_();
            }
            return network;
        }
    }
}
