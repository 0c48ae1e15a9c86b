using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Samples.FeatureRanking;
using Spectre.Console;

namespace Mine.MLNet.Tests.Samples
{
    /// <summary>
    /// Every bad input or argument of the ranking job is one line on the error stream that names the file, line or column
    /// (the user's, never an internal one), and exit code 2: never a stack trace.
    /// </summary>
    [TestClass]
    public sealed class FeatureRankingJobInputTests
    {
        private static string directory;

        [ClassInitialize]
        public static void MakeDirectory(TestContext _)
        {
            directory = Path.Combine(Path.GetTempPath(), "mine-job-input-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
        }

        [ClassCleanup]
        public static void DeleteDirectory() => Directory.Delete(directory, recursive: true);

        /// <summary>Runs the job on <paramref name="text"/> (written to <paramref name="file"/>) and returns its exit code and error output.</summary>
        private static (int Code, string Error) Run(string file, string text, int keep = 2, int steps = 300, byte[] bytes = null)
        {
            string path = Path.Combine(directory, file);
            if (bytes != null)
                File.WriteAllBytes(path, bytes);
            else
                File.WriteAllText(path, text);
            TextWriter error = Console.Error;
            var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                int code = FeatureRankingJob.Run(new FeatureRankingJobOptions
                {
                    DataPath = path,
                    Label = "label",
                    Strategy = SelectionStrategy.Shapley,
                    Keep = keep,
                    Steps = steps,
                    Seed = 0,
                    OutputDirectory = Path.Combine(directory, "out"),
                });
                return (code, captured.ToString());
            }
            finally
            {
                Console.SetError(error);
            }
        }

        private static void AssertOneLine(int code, string error, params string[] expected)
        {
            Assert.AreEqual(FeatureRankingJob.BadInput, code, error);
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.HasCount(1, lines, error);
            foreach (string text in expected)
                StringAssert.Contains(lines[0], text);
            Assert.IsFalse(error.Contains("__") || error.Contains("   at "), error);
        }

        private static string Rows(int count, Func<int, string> label)
        {
            var random = new Random(3);
            var text = new StringBuilder("a,b,label\n");
            for (int i = 0; i < count; i++)
                text.Append($"{random.NextDouble():F4},{random.NextDouble():F4},{label(i)}\n");
            return text.ToString();
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AHeaderWithoutRowsIsOneLine()
        {
            var (code, error) = Run("header-only.csv", "a,b,label\n");
            AssertOneLine(code, error, "header-only.csv", "no data rows");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void ARaggedRowIsNamedByItsLine()
        {
            var (code, error) = Run("ragged.csv", "a,b,label\n1,2,x\n3,4\n5,6,y\n");
            AssertOneLine(code, error, "ragged.csv", "line 3 has 2 fields, the header has 3");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void ABinaryFileIsNotText()
        {
            var (code, error) = Run("binary.bin", null, bytes: Enumerable.Range(0, 2000).Select(i => (byte)(i * 7)).ToArray());
            AssertOneLine(code, error, "binary.bin", "not a text file");
        }

        [TestMethod]
        [TestCategory("Unit")]
        [DataRow(0, 300, "--keep is 0")]
        [DataRow(2, 0, "--steps is 0")]
        public void BadArgumentsAreOneLine(int keep, int steps, string expected)
        {
            var (code, error) = Run("fine.csv", Rows(200, i => i % 2 == 0 ? "x" : "y"), keep, steps);
            AssertOneLine(code, error, expected);
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void ALabelOfOneClassNamesTheUsersColumn()
        {
            var (code, error) = Run("one-class.csv", Rows(200, _ => "same"));
            AssertOneLine(code, error, "one-class.csv", "'label'", "constant");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void ATableWithoutANumericColumnIsOneLine()
        {
            var (code, error) = Run("text.csv", "a,b,label\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"x{i},y,{i % 2}\n")));
            AssertOneLine(code, error, "text.csv", "no numeric column");
        }

        [TestMethod]
        public void MissingLabelValuesAreSkippedAndEmptyOrQuestionMarkIsMissing()
        {
            // Every tenth label is "?" and every 25th empty: those rows are skipped, not made a class of their own.
            string text = Rows(400, i => i % 10 == 0 ? "?" : i % 25 == 0 ? "" : i % 2 == 0 ? "x" : "y");
            IAnsiConsole console = AnsiConsole.Console;
            var output = new StringWriter();
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
            (int code, string error) = (0, null);
            try
            {
                (code, error) = Run("missing-label.csv", text);
            }
            finally
            {
                AnsiConsole.Console = console;
            }
            Assert.AreEqual(0, code, error);
            // 40 rows hold "?" and 8 more are empty.
            StringAssert.Contains(output.ToString(), "Skipped 48 of 400 rows with no 'label' value.");
            string[] csv = File.ReadAllLines(Path.Combine(directory, "out", "ranking.csv"));
            Assert.HasCount(3, csv, "a, b and the header: the label is no candidate");
        }
    }
}
