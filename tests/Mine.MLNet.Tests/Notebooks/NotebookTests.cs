using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mine.MLNet.Tests.Notebooks
{
    /// <summary>
    /// Runs every notebook's C# cells in order, as one script session (the kernel is not available here), at
    /// quick sizes (MINE_QUICK=1). #r and #! lines are dropped: the test process already references the
    /// library and its dependencies. A cell that fails to compile or throws fails the build.
    /// </summary>
    [TestClass]
    public sealed class NotebookTests
    {
        private static string NotebookDirectory => Path.Combine(typeof(NotebookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value, "notebooks");

        public static IEnumerable<object[]> Notebooks => new[]
        {
            new object[] { "estimate-mutual-information.ipynb" },
            new object[] { "rank-and-select-features.ipynb" },
            new object[] { "information-bottleneck-classifier.ipynb" },
        };

        [TestMethod]
        public void EveryNotebookIsTested()
            => CollectionAssert.AreEquivalent(Notebooks.Select(n => (string)n[0]).ToArray(),
                Directory.GetFiles(NotebookDirectory, "*.ipynb").Select(Path.GetFileName).ToArray());

        [TestMethod]
        [DynamicData(nameof(Notebooks))]
        public async Task NotebookCellsRun(string notebook)
        {
            Environment.SetEnvironmentVariable("MINE_QUICK", "1");
            string[] cells = CodeCells(Path.Combine(NotebookDirectory, notebook));
            Assert.IsGreaterThan(3, cells.Length);
            var globals = new NotebookGlobals();
            string previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = NotebookDirectory;
            try
            {
                ScriptState<object> state = null;
                for (int i = 0; i < cells.Length; i++)
                {
                    try
                    {
                        state = state == null
                            ? await CSharpScript.RunAsync(cells[i], Options(), globals)
                            : await state.ContinueWithAsync(cells[i]);
                    }
                    catch (Exception e)
                    {
                        throw new AssertFailedException($"{notebook}, code cell {i + 1}:\n{cells[i]}\n{e}", e);
                    }
                }
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
            Assert.IsNotEmpty(globals.Displayed, "the notebook displays nothing");
        }

        /// <summary>The source of each C# code cell, without #r and #! lines.</summary>
        private static string[] CodeCells(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("cells").EnumerateArray()
                .Where(cell => cell.GetProperty("cell_type").GetString() == "code")
                .Select(cell => string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString())))
                .Select(source => string.Join("\n", source.Split('\n').Where(line => !line.TrimStart().StartsWith("#r") && !line.TrimStart().StartsWith("#!"))))
                .Where(source => source.Trim().Length > 0)
                .ToArray();
        }

        private static ScriptOptions Options()
        {
            // Load what the notebooks reference, then pass every loaded assembly to the script compiler.
            Type[] anchors =
            {
                typeof(MLContext), typeof(Microsoft.ML.Data.TextLoader), typeof(Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer),
                typeof(Microsoft.ML.Transforms.NormalizingEstimator), typeof(MineOptions), typeof(ScottPlot.Plot),
            };
            IEnumerable<Assembly> assemblies = anchors.Select(t => t.Assembly)
                .Concat(AppDomain.CurrentDomain.GetAssemblies())
                .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
                .Distinct();
            return ScriptOptions.Default
                .WithReferences(assemblies)
                .WithImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");
        }
    }
}
