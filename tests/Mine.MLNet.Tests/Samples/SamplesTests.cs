using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Samples;

namespace Mine.MLNet.Tests.Samples
{
    /// <summary>Every sample runs to the end (quick sizes, MINE_QUICK=1), so a broken sample fails the build.</summary>
    [TestClass]
    public sealed class SamplesTests
    {
        public static IEnumerable<object[]> Names => SampleCatalog.All.Keys.Select(name => new object[] { name });

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void SampleRuns(string name)
        {
            Environment.SetEnvironmentVariable("MINE_QUICK", "1");
            SampleCatalog.All[name]();
        }

        [TestMethod]
        public void EveryPublicEntryPointHasASample()
        {
            string[] expected =
            {
                "EstimateMutualInformation", "EstimateMutualInformationWithEachBound", "ReadTheConfidenceInterval",
                "MutualInformationSelectRanking", "MutualInformationSelectJoint", "MutualInformationSelectInAPipeline",
                "InformationBottleneck", "LoadMnist",
            };
            CollectionAssert.AreEquivalent(expected, SampleCatalog.All.Keys.ToArray());
        }
    }
}
