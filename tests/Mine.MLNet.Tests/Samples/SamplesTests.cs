using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Samples;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Samples
{
    /// <summary>
    /// Every sample runs as a user runs it and prints what its "Expected output" comment says: the text equal,
    /// numbers within <see cref="NumericOutputComparer"/>'s tolerances. So the comments cannot go stale.
    /// </summary>
    [TestClass]
    public sealed class SamplesTests
    {
        private const string Marker = "// Expected output";

        public static IEnumerable<object[]> Names => SampleCatalog.All.Keys.Select(name => new object[] { name });

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void SamplePrintsItsExpectedOutput(string name)
        {
            string expected = ExpectedOutput(name);
            TextWriter console = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                SampleCatalog.All[name]();
            }
            finally
            {
                Console.SetOut(console);
            }
            string actual = captured.ToString();
            Console.WriteLine(actual);
            string difference = NumericOutputComparer.Difference(expected, actual);
            Assert.IsNull(difference, $"{name}: {difference}");
        }

        [TestMethod]
        public void TheComparisonCatchesAStaleComment()
        {
            Assert.IsNull(NumericOutputComparer.Difference("I = 1.498 nats after 4000 steps", "I = 1.501 nats after 3900 steps"));
            Assert.IsNotNull(NumericOutputComparer.Difference("I = 1.498 nats", "I = 1.398 nats"));
            Assert.IsNotNull(NumericOutputComparer.Difference("Kept slots: X1, X2", "Kept slots: X1, Noise[3]"));
            Assert.IsNotNull(NumericOutputComparer.Difference("rows 20000/0", "rows 20000/0\nextra line"));
            // A version is numbers and dots, not one number; thousands commas group a number.
            Assert.IsNull(NumericOutputComparer.Difference("Mine.MLNet, 0.1.0", "Mine.MLNet, 0.1.0"));
            Assert.IsNotNull(NumericOutputComparer.Difference("Mine.MLNet, 0.1.0", "Mine.MLNet, 0.1.5"));
            Assert.IsNull(NumericOutputComparer.Difference("23,579 bytes", "23,600 bytes"));
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

        /// <summary>
        /// The comment lines after the sample's "// Expected output" marker, without the comment prefix and the three
        /// spaces of indentation.
        /// </summary>
        private static string ExpectedOutput(string name)
        {
            string root = TestAssemblyMetadata.RepositoryRoot;
            string[] lines = File.ReadAllLines(Path.Combine(root, "src", "Mine.MLNet.Samples", "Dynamic", name + ".cs"));
            int marker = Array.FindIndex(lines, l => l.TrimStart().StartsWith(Marker, StringComparison.Ordinal));
            Assert.IsGreaterThanOrEqualTo(0, marker, $"{name}.cs has no '{Marker}' comment");
            IEnumerable<string> block = lines.Skip(marker + 1)
                .Select(l => l.TrimStart())
                .TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal))
                .Select(l => l.Length > 5 ? l.Substring(5) : "");
            return string.Join("\n", block);
        }
    }
}
