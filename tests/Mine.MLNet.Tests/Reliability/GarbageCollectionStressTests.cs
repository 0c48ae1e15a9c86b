using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Reliability
{
    /// <summary>
    /// Every operation that reaches libtorch survives garbage collections during its native calls: with a second thread
    /// allocating all the time, each run completes with finite results, bit-identical to the same seed's run without
    /// the churn. Before the Scalar-lifetime fix, 3 to 6 of these 9 operations failed in every pass ("Expected false to
    /// be true" from c10::Scalar::toFloat).
    /// </summary>
    [TestClass]
    public sealed class GarbageCollectionStressTests
    {
        /// <summary>Passes under churn per operation (about 30 s in all on 2 cores).</summary>
        private const int ChurnPasses = 2;

        /// <summary>A pass whose runs saw fewer collections than this did not test anything.</summary>
        private const int MinimumCollections = 10;

        /// <summary>Runs under churn a pass may take to reach <see cref="MinimumCollections"/>.</summary>
        private const int MaximumRunsPerPass = 8;

        public static IEnumerable<object[]> Operations => ReliabilityWorkload.Operations.Select(o => new object[] { o });

        [TestMethod]
        [DynamicData(nameof(Operations))]
        public void RunsUnderAnAllocatingThreadGiveTheSameResultsAsWithout(string operation)
        {
            double[] quiet = ReliabilityWorkload.Run(operation, seed: 7);
            Assert.IsTrue(quiet.All(double.IsFinite), $"{operation}: {string.Join(", ", quiet)}");
            for (int pass = 0; pass < ChurnPasses; pass++)
            {
                // A fast operation can finish inside a few collections where the gen-0 budget is large (it follows the
                // CPU's cache size), so each pass repeats the run under churn until it has seen enough collections.
                int collections = 0;
                for (int run = 0; run < MaximumRunsPerPass && collections < MinimumCollections; run++)
                {
                    double[] churned;
                    using (var churn = new GarbageChurn())
                    {
                        churned = ReliabilityWorkload.Run(operation, seed: 7);
                        collections += churn.Collections;
                    }
                    CollectionAssert.AreEqual(quiet, churned, $"{operation}, pass {pass}, run {run}: a run under churn differs from the quiet run");
                }
                Assert.IsGreaterThanOrEqualTo(MinimumCollections, collections, $"{operation}: only {collections} collections ran in {MaximumRunsPerPass} runs");
            }
        }
    }
}
