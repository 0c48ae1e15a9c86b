using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Notebooks
{
    /// <summary>
    /// Runs every notebook in the .NET Interactive C# kernel (tests/Mine.MLNet.NotebookRunner, a separate process that
    /// references neither Mine.MLNet nor TorchSharp: the notebook's #r "nuget:" lines restore them, Mine.MLNet from the
    /// local feed notebooks/nuget.config names, packed afresh as the README says) and compares every output with the one
    /// stored in the notebook: text equal, numbers within <see cref="NumericOutputComparer"/>'s tolerances; charts (PNG)
    /// only need to be there.
    /// </summary>
    [TestClass]
    public sealed class NotebookTests
    {
        private static string NotebookDirectory => Path.Combine(TestAssemblyMetadata.RepositoryRoot, "notebooks");

        public static IEnumerable<object[]> Notebooks => new[]
        {
            new object[] { "estimate-mutual-information.ipynb" },
            new object[] { "rank-and-select-features.ipynb" },
            new object[] { "information-bottleneck-classifier.ipynb" },
            new object[] { "select-train-and-deploy.ipynb" },
        };

        [TestMethod]
        public void EveryNotebookIsTested()
            => CollectionAssert.AreEquivalent(Notebooks.Select(n => (string)n[0]).ToArray(),
                Directory.GetFiles(NotebookDirectory, "*.ipynb").Select(Path.GetFileName).ToArray());

        private static string Version => Regex.Match(File.ReadAllText(Path.Combine(TestAssemblyMetadata.RepositoryRoot, "src", "Mine.MLNet", "Mine.MLNet.csproj")),
            "<Version>([^<]+)</Version>").Groups[1].Value;

        [ClassInitialize]
        public static void PackWhatTheNotebooksLoad(TestContext _)
        {
            // The README's command; NuGet keeps the first package of a version it saw, so this version's copy leaves its cache.
            string repository = TestAssemblyMetadata.RepositoryRoot;
            (int code, string output) = Run("dotnet", "pack", Path.Combine(repository, "src", "Mine.MLNet", "Mine.MLNet.csproj"), "-c", "Release",
                "-o", Path.Combine(repository, "artifacts", "packages"));
            Assert.AreEqual(0, code, output);
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string cached = Path.Combine(packages, "mine.mlnet", Version);
            if (Directory.Exists(cached))
                Directory.Delete(cached, recursive: true);
        }

        [TestMethod]
        [DynamicData(nameof(Notebooks))]
        public void NotebookLoadsThePackageAsAUserDoes(string notebook)
        {
            string first = StoredSources(Path.Combine(NotebookDirectory, notebook)).First();
            StringAssert.Contains(first, $"#r \"nuget: Mine.MLNet, {Version}\"");
            Assert.IsFalse(first.Contains(".dll"), first);
        }

        [TestMethod]
        [DynamicData(nameof(Notebooks))]
        public void NotebookReproducesItsStoredOutputs(string notebook)
        {
            string path = Path.Combine(NotebookDirectory, notebook);
            string[][] stored = StoredOutputs(path);
            Assert.IsTrue(stored.Any(cell => cell.Length > 0), "the notebook stores no outputs");
            // A notebook that draws a chart (ScottPlot's PNG bytes) stores it.
            bool draws = StoredSources(path).Any(source => source.Contains("GetImageBytes"));
            Assert.AreEqual(draws, stored.SelectMany(c => c).Any(o => o.Contains("data:image/png;base64,")), "the notebook's charts are stored");

            string outputs = Path.Combine(Path.GetTempPath(), $"notebook-{Guid.NewGuid():N}.ipynb");
            try
            {
                (int code, string log) = Run("dotnet", TestAssemblyMetadata.Get("NotebookRunnerPath"), path, "--out", outputs);
                Assert.AreEqual(0, code, log);
                string[][] actual = StoredOutputs(outputs);
                Assert.HasCount(stored.Length, actual, "code cells");
                for (int c = 0; c < stored.Length; c++)
                {
                    Assert.HasCount(stored[c].Length, actual[c], $"outputs of code cell {c + 1}");
                    for (int o = 0; o < stored[c].Length; o++)
                    {
                        if (stored[c][o].Contains("data:image/png;base64,"))
                        {
                            StringAssert.Contains(actual[c][o], "data:image/png;base64,", $"code cell {c + 1}, output {o + 1}");
                            continue;
                        }
                        string difference = NumericOutputComparer.Difference(stored[c][o], actual[c][o]);
                        Assert.IsNull(difference, $"{notebook}, code cell {c + 1}, output {o + 1}: {difference}");
                    }
                }
            }
            finally
            {
                File.Delete(outputs);
            }
        }

        /// <summary>Each code cell's stored outputs as text (stream text or the displayed value).</summary>
        private static string[][] StoredOutputs(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("cells").EnumerateArray()
                .Where(cell => cell.GetProperty("cell_type").GetString() == "code")
                .Select(cell => cell.GetProperty("outputs").EnumerateArray().Select(Text).ToArray())
                .ToArray();
        }

        /// <summary>Each code cell's source.</summary>
        private static string[] StoredSources(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("cells").EnumerateArray()
                .Where(cell => cell.GetProperty("cell_type").GetString() == "code")
                .Select(cell => string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString())))
                .ToArray();
        }

        private static string Text(JsonElement output)
        {
            JsonElement lines = output.GetProperty("output_type").GetString() == "stream"
                ? output.GetProperty("text")
                : output.GetProperty("data").EnumerateObject().First().Value;
            return string.Concat(lines.EnumerateArray().Select(l => l.GetString()));
        }

        private static (int ExitCode, string Output) Run(string file, params string[] arguments)
            => ChildProcess.Run(null, file, arguments);
    }
}
