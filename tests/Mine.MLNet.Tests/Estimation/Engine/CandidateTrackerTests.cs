using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Tests.Estimation.Engine
{
    /// <summary>
    /// An estimate's critic that never beats the constant T on the early-stopping rows takes its partner's network
    /// (<see cref="CandidateTracker.CopyBest"/>), so the mean of the two critics is the trained one, not half of it plus
    /// the untrained critic's initial weights.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class CandidateTrackerTests
    {
        [TestMethod]
        public void ACriticThatNeverBeatTheConstantTakesItsPartnersNetwork()
        {
            using var scope = NewDisposeScope();
            using var generator = new Generator(3);
            using var network = new StatisticsNetwork(2, 2, 1, new[] { 4 }, generator);
            using var tracker = new CandidateTracker(network, CPU);
            // Critic 0 beats the constant (0.3 nats), critic 1 does not (-0.1).
            tracker.Record(100, new[] { 0, 1 }, new[] { 0.2, -0.2 }, new[] { new BoundEvaluation(0.3, 0.01), new BoundEvaluation(-0.1, 0.01) }, network);
            Assert.IsTrue(tracker.HasBest(0));
            Assert.IsFalse(tracker.HasBest(1));
            Tensor[] best = tracker.Best.parameters().ToArray();
            Assert.IsFalse(best.All(p => p[0].allclose(p[1], 0, 0)), "the two critics start from different weights");

            tracker.CopyBest(0, 1);

            Assert.IsTrue(tracker.HasBest(1));
            Assert.AreEqual(0.3, tracker.BestValues[1].Nats);
            Assert.IsTrue(best.All(p => p[0].allclose(p[1], 0, 0)), "critic 1's network is critic 0's");
            Tensor[] trained = network.parameters().ToArray();
            Assert.IsTrue(best.Zip(trained).All(pair => pair.First[0].allclose(pair.Second[0], 0, 0)), "and that is the network critic 0 was recorded with");
        }
    }
}
