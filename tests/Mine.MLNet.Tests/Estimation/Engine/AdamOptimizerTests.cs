using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Engine;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Tests.Estimation.Engine
{
    [TestClass]
    [TestCategory("Unit")]
    public sealed class AdamOptimizerTests
    {
        /// <summary>A least-squares problem with a fixed seed: parameters w [5, 3] and b [3].</summary>
        private static (Parameter W, Parameter B, Tensor X, Tensor Y) Problem()
        {
            using var generator = new Generator(7);
            Tensor x = randn(new long[] { 64, 5 }, generator: generator);
            Tensor y = randn(new long[] { 64, 3 }, generator: generator);
            var w = new Parameter(randn(new long[] { 5, 3 }, generator: generator));
            var b = new Parameter(zeros(3));
            return (w, b, x, y);
        }

        private static Tensor Loss(Parameter w, Parameter b, Tensor x, Tensor y) => (x.matmul(w) + b - y).pow(2).mean();

        [TestMethod]
        public void MatchesTorchSharpAdamBitForBit()
        {
            var (w1, b1, x, y) = Problem();
            var (w2, b2, _, _) = Problem();
            using var ours = new AdamOptimizer(new[] { w1, b1 }, 0.01);
            using var theirs = optim.Adam(new[] { w2, b2 }, 0.01);
            for (int step = 0; step < 200; step++)
            {
                using var scope = NewDisposeScope();
                ours.ZeroGrad();
                Loss(w1, b1, x, y).backward();
                ours.Step();
                theirs.zero_grad();
                Loss(w2, b2, x, y).backward();
                theirs.step();
            }
            CollectionAssert.AreEqual(w2.data<float>().ToArray(), w1.data<float>().ToArray());
            CollectionAssert.AreEqual(b2.data<float>().ToArray(), b1.data<float>().ToArray());
        }

        [TestMethod]
        public void ReducesTheLossAndSkipsParametersWithoutGradient()
        {
            var (w, b, x, y) = Problem();
            var frozen = new Parameter(ones(4));
            using var adam = new AdamOptimizer(new[] { w, b, frozen }, 0.05);
            float before = Loss(w, b, x, y).item<float>();
            for (int step = 0; step < 300; step++)
            {
                using var scope = NewDisposeScope();
                adam.ZeroGrad();
                Loss(w, b, x, y).backward();
                adam.Step();
            }
            float after = Loss(w, b, x, y).item<float>();
            Assert.IsLessThan(before * 0.8f, after, $"loss {before} -> {after}");
            CollectionAssert.AreEqual(new[] { 1f, 1f, 1f, 1f }, frozen.data<float>().ToArray());
        }
    }
}
