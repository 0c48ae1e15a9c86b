using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Build
{
    /// <summary>
    /// The feature-ranking job as a .NET tool, as an engineer gets it: src/Mine.MLNet.Samples packed (for this host's
    /// runtime), <c>dotnet tool install Mine.MLNet.Rank</c> from that local feed into a tool path of its own, then
    /// <c>mine-rank FILE --label y</c> writes the reports, and a bad file is one line and exit code 2.
    /// </summary>
    [TestClass]
    public sealed class RankingToolTests
    {
        private static string root;
        private static string tool;

        private static string Repository => TestAssemblyMetadata.RepositoryRoot;

        [ClassInitialize]
        public static void PackAndInstall(TestContext _)
        {
            root = Path.Combine(Path.GetTempPath(), "mine-rank-tool-" + Guid.NewGuid().ToString("N"));
            string feed = Path.Combine(root, "feed"), tools = Path.Combine(root, "tools");
            Directory.CreateDirectory(root);
            // A version of its own, so the NuGet cache never serves an older build of the same version.
            string version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            (int pack, string packOutput) = Run(root, "dotnet", "pack", Path.Combine(Repository, "src", "Mine.MLNet.Samples", "Mine.MLNet.Samples.csproj"),
                "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "-p:ToolPackageRuntimeIdentifiers=" + RuntimeInformation.RuntimeIdentifier);
            Assert.AreEqual(0, pack, packOutput);
            (int install, string installOutput) = Run(root, "dotnet", "tool", "install", "Mine.MLNet.Rank", "--version", version,
                "--tool-path", tools, "--add-source", feed);
            Assert.AreEqual(0, install, installOutput);
            tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "mine-rank.exe" : "mine-rank");
            Assert.IsTrue(File.Exists(tool), installOutput);
        }

        [ClassCleanup]
        public static void Remove()
        {
            if (root != null && Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }

        [TestMethod]
        public void MineRankKeepsTheXorPairAndWritesTheReports()
        {
            string output = Path.Combine(root, "xor-ranking");
            (int code, string log) = Run(root, tool, Path.Combine(Repository, "src", "Mine.MLNet.Samples", "Data", "xor.csv"),
                "--label", "y", "--keep", "2", "--out", output);
            Assert.AreEqual(0, code, log);
            foreach (string report in new[] { "ranking.csv", "ranking.md", "ranking.png" })
                Assert.IsTrue(File.Exists(Path.Combine(output, report)), $"{report}\n{log}");
            string[] kept = File.ReadAllLines(Path.Combine(output, "ranking.csv")).Skip(1)
                .Where(line => line.EndsWith(",true")).Select(line => line.Split(',')[1].Trim('"')).ToArray();
            CollectionAssert.AreEquivalent(new[] { "x1", "x2" }, kept, log);
        }

        [TestMethod]
        public void AMissingFileIsOneLineAndExitCode2()
        {
            (int code, string log) = Run(root, tool, Path.Combine(root, "no-such.csv"), "--label", "y");
            Assert.AreEqual(2, code, log);
            string[] lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.HasCount(1, lines, log);
            StringAssert.Contains(lines[0], "no-such.csv");
        }

        private static (int ExitCode, string Output) Run(string directory, string file, params string[] arguments)
            => ChildProcess.Run(directory, file, arguments);
    }
}
