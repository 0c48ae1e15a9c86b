using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Benchmarks
{
    /// <summary>The Beyond Normal tasks of the benchmark program: truths from their formulas, samplers that match them.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class BmiTaskTests
    {
        /// <summary>The reference table (shared/reference/bmi-benchmark.md), in its order, to 4 decimals.</summary>
        private static readonly (string Name, double Truth)[] Reference =
        {
            ("Bivariate normal 1x1", 0.4133), ("Uniform 1x1", 0.4133), ("Additive noise 1x1, eps 0.10", 1.7094),
            ("Additive noise 1x1, eps 0.75", 0.3333), ("Bimodal 1x1", 0.4133), ("Wiggly 1x1", 0.4133), ("Half-cube 1x1", 0.4133),
            ("Student-t 1x1, nu 1", 0.2242), ("Asinh of Student-t 1x1, nu 1", 0.2242), ("Swiss roll 2x1", 0.4133),
            ("Multinormal dense 2x2", 0.2939), ("Multinormal dense 3x3", 0.4133), ("Multinormal dense 5x5", 0.5928),
            ("Multinormal dense 25x25", 1.2922), ("Multinormal dense 50x50", 1.6243),
            ("Multinormal 2-pair 2x2", 1.0217), ("Multinormal 2-pair 3x3", 1.0217), ("Multinormal 2-pair 5x5", 1.0217), ("Multinormal 2-pair 25x25", 1.0217),
            ("Student-t 2x2, nu 1", 0.4319), ("Student-t 2x2, nu 2", 0.1931), ("Student-t 3x3, nu 2", 0.2909),
            ("Student-t 3x3, nu 3", 0.1787), ("Student-t 5x5, nu 2", 0.4482), ("Student-t 5x5, nu 3", 0.2985),
            ("Phi of 2-pair 3x3", 1.0217), ("Phi of 2-pair 5x5", 1.0217), ("Phi of 2-pair 25x25", 1.0217),
            ("Half-cube of 2-pair 3x3", 1.0217), ("Half-cube of 2-pair 5x5", 1.0217), ("Half-cube of 2-pair 25x25", 1.0217),
            ("Spiral of 2-pair 3x3", 1.0217), ("Spiral of 2-pair 5x5", 1.0217), ("Spiral of 2-pair 25x25", 1.0217),
            ("Spiral of Phi of 2-pair 3x3", 1.0217), ("Spiral of Phi of 2-pair 5x5", 1.0217), ("Spiral of Phi of 2-pair 25x25", 1.0217),
            ("Asinh of Student-t 2x2, nu 1", 0.4319), ("Asinh of Student-t 3x3, nu 2", 0.2909), ("Asinh of Student-t 5x5, nu 2", 0.4482),
        };

        [TestMethod]
        public void EveryTruthComputedFromItsFormulaMatchesTheReferenceTable()
        {
            Assert.HasCount(40, BmiTasks.All);
            for (int i = 0; i < Reference.Length; i++)
            {
                Assert.AreEqual(Reference[i].Name, BmiTasks.All[i].Name);
                Assert.AreEqual(Reference[i].Truth, BmiTasks.All[i].Truth, 5e-5, BmiTasks.All[i].Name);
            }
        }

        [TestMethod]
        public void SamplesHaveTheDimensionsAndTheGaussianDependenceTheTasksState()
        {
            foreach (BmiTask task in BmiTasks.All)
            {
                (double[][] x, double[][] y) = task.Sample(5, seed: 1);
                Assert.IsTrue(x.All(r => r.Length == task.XDimensions) && y.All(r => r.Length == task.YDimensions), task.Name);
                Assert.IsTrue(x.Concat(y).SelectMany(r => r).All(double.IsFinite), task.Name);
            }
            // Gaussian tasks: the MI of the sample's correlation (X1, Y1) estimates -1/2 ln(1 - rho^2); 20,000 rows
            // give rho a standard error of (1 - rho^2) / sqrt(n) < 0.004, so 0.02 is five of them.
            AssertCorrelation(BmiTasks.All[0], BmiTasks.BivariateRho);
            AssertCorrelation(BmiTasks.TwoPair(5), 0.8);
            AssertCorrelation(BmiTasks.All.Single(t => t.Name == "Multinormal dense 3x3"), 0.5);
        }

        private static void AssertCorrelation(BmiTask task, double rho)
        {
            (double[][] x, double[][] y) = task.Sample(20000, seed: 2);
            double[] a = x.Select(r => r[0]).ToArray(), b = y.Select(r => r[0]).ToArray();
            double ma = a.Average(), mb = b.Average();
            double cov = a.Zip(b, (u, v) => (u - ma) * (v - mb)).Sum();
            double r = cov / Math.Sqrt(a.Sum(u => (u - ma) * (u - ma)) * b.Sum(v => (v - mb) * (v - mb)));
            Assert.AreEqual(rho, r, 0.02, task.Name);
        }
    }
}
