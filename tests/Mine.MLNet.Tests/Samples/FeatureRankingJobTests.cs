using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Samples.FeatureRanking;

namespace Mine.MLNet.Tests.Samples
{
    /// <summary>
    /// The ranking job reads CSV through ML.NET's loader: quoted fields (holding the separator), missing values
    /// ("" and "?") and a label whose name and values hold spaces and commas.
    /// </summary>
    [TestClass]
    public sealed class FeatureRankingJobTests
    {
        private static string directory;
        private static string csv;

        [ClassInitialize]
        public static void WriteData(TestContext _)
        {
            directory = Path.Combine(Path.GetTempPath(), "mine-ranking-job-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            csv = Path.Combine(directory, "quoted.csv");
            var random = new Random(1);
            var text = new StringBuilder("\"signal, main\",noise,\"tumour class\",comment\n");
            for (int i = 0; i < 2000; i++)
            {
                bool malignant = random.Next(2) == 1;
                double signal = (malignant ? 2 : 0) + Gaussian(random);
                string value = i % 50 == 0 ? "" : i % 77 == 0 ? "?" : signal.ToString("F4", CultureInfo.InvariantCulture);
                text.Append(value).Append(',')
                    .Append(Gaussian(random).ToString("F4", CultureInfo.InvariantCulture)).Append(',')
                    .Append(malignant ? "\"malignant tumour\"" : "\"benign, small\"").Append(',')
                    .Append("\"free text, with a comma\"\n");
            }
            File.WriteAllText(csv, text.ToString());
        }

        [ClassCleanup]
        public static void DeleteData() => Directory.Delete(directory, recursive: true);

        private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        [TestMethod]
        public void TheSchemaKeepsQuotedNamesAndFindsTheNumericColumns()
        {
            var context = new MLContext(seed: 0);
            DelimitedFileSchema schema = DelimitedFileSchema.Infer(context, csv, separator: null);
            Assert.AreEqual(',', schema.Separator);
            CollectionAssert.AreEqual(new[] { "signal, main", "noise", "tumour class", "comment" }, schema.Names.ToArray());
            CollectionAssert.AreEqual(new[] { true, true, false, false }, schema.IsNumeric.ToArray());

            IDataView data = context.Data.LoadFromTextFile(csv, schema.LoaderOptions());
            float[] signal = data.GetColumn<float>("signal, main").ToArray();
            string[] labels = data.GetColumn<ReadOnlyMemory<char>>("tumour class").Select(v => v.ToString()).ToArray();
            Assert.HasCount(2000, signal, "every row read, none dropped");
            int missing = Enumerable.Range(0, 2000).Count(i => i % 50 == 0 || i % 77 == 0);
            Assert.AreEqual(missing, signal.Count(float.IsNaN), "empty and ? fields are missing values (NaN), not 0");
            CollectionAssert.AreEquivalent(new[] { "benign, small", "malignant tumour" }, labels.Distinct().ToArray());
        }

        [TestMethod]
        public void TheJobRanksTheQuotedColumnFirst()
        {
            string output = Path.Combine(directory, "out");
            int code = FeatureRankingJob.Run(new FeatureRankingJobOptions
            {
                DataPath = csv,
                Label = "tumour class",
                Strategy = SelectionStrategy.Ranking,
                Keep = 1,
                Steps = 600,
                Seed = 0,
                OutputDirectory = output,
            });
            Assert.AreEqual(0, code);
            string[] ranking = File.ReadAllLines(Path.Combine(output, "ranking.csv"));
            StringAssert.Contains(ranking[1], "signal, main");
            StringAssert.Contains(ranking[2], "noise");
        }

        [TestMethod]
        public void AHeaderThatNamesAColumnTwiceIsRefused()
        {
            string path = Path.Combine(directory, "twice.csv");
            File.WriteAllText(path, "a,b,a\n1,2,3\n");
            var error = Assert.ThrowsExactly<InvalidDataException>(() => DelimitedFileSchema.Infer(new MLContext(), path, null));
            StringAssert.Contains(error.Message, "'a'");
        }
    }
}
