using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// One table for the selection-against-peers benchmark, in memory: rows of features, class labels, column names, how
    /// many columns to keep, and (for synthetic tables) which columns carry the signal.
    /// </summary>
    /// <param name="Name">The case's short name (its command-line name).</param>
    /// <param name="Description">What the table is.</param>
    /// <param name="Features">The rows.</param>
    /// <param name="Labels">Each row's class, from 0.</param>
    /// <param name="Names">The column names.</param>
    /// <param name="Keep">How many columns every method keeps.</param>
    /// <param name="Relevant">The columns the label depends on, or null for a real table.</param>
    public sealed record SelectionCase(string Name, string Description, float[][] Features, int[] Labels, string[] Names, int Keep, string[] Relevant)
    {
        /// <summary>The case names, in the order the benchmark runs them.</summary>
        public static readonly string[] CaseNames = { "madelon", "interactions", "xor", "redundant", "breast-cancer", "wine", "digits" };

        /// <summary>Where Debian's python3-sklearn keeps its bundled tables.</summary>
        public const string DebianSklearnData = "/usr/lib/python3/dist-packages/sklearn/datasets/data";

        /// <summary>Columns.</summary>
        public int Width => Names.Length;

        /// <summary>Widths of the Madelon-class sweep ("madelon-50" ...), for the cost in columns.</summary>
        public static readonly int[] SweepWidths = { 50, 100, 200 };

        /// <summary>Whether <paramref name="name"/> is a case (one of <see cref="CaseNames"/> or a sweep width).</summary>
        public static bool IsCase(string name) => CaseNames.Contains(name) || SweepWidths.Any(w => name == $"madelon-{w}");

        /// <summary>The case <paramref name="name"/>, or null when its data is not on this machine (digits needs python3-sklearn).</summary>
        public static SelectionCase Load(string name) => name switch
        {
            _ when name.StartsWith("madelon-", StringComparison.Ordinal) => Madelon(2000, int.Parse(name["madelon-".Length..], CultureInfo.InvariantCulture)),
            "madelon" => Madelon(2000, 500),
            "interactions" => Interactions(),
            "xor" => Xor(),
            "redundant" => Redundant(),
            "breast-cancer" => Csv("breast-cancer", "Breast Cancer Wisconsin (UCI, bundled)", Path.Combine(AppContext.BaseDirectory, "Data", "breast-cancer-wisconsin.csv"), "diagnosis", 5),
            "wine" => Csv("wine", "Wine recognition (UCI, bundled)", Path.Combine(AppContext.BaseDirectory, "Data", "wine.csv"), "cultivar", 5),
            "digits" => Digits(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown case."),
        };

        /// <summary>
        /// A Madelon-class table (<see cref="MadelonData"/>: 5 informative, 15 redundant, 16 clusters per class) of
        /// <paramref name="rows"/> rows and <paramref name="columns"/> columns; keep the 20 that carry the signal.
        /// </summary>
        public static SelectionCase Madelon(int rows, int columns)
        {
            MadelonData.Table t = MadelonData.Draw(rows, columns, informative: 5, redundant: 15, clustersPerClass: 16, seed: 2003);
            return new SelectionCase(columns == 500 ? "madelon" : $"madelon-{columns}",
                $"Madelon-class (Guyon's generator: 5 informative, 15 redundant, 16 clusters per class), {rows:N0} x {columns}",
                t.Features, t.Labels, t.Names, 20, t.Informative.Concat(t.Redundant).ToArray());
        }

        /// <summary>The rows as an IDataView: a Features vector with slot names and a key Label (values "0", "1", ...).</summary>
        public IDataView ToDataView(MLContext context, IReadOnlyList<int> columns = null)
        {
            int[] kept = (columns ?? Enumerable.Range(0, Width)).ToArray();
            var definition = SchemaDefinition.Create(typeof(Row));
            definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, kept.Length);
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(kept.Length, kept.Select(j => Names[j].AsMemory()).ToArray());
            definition[nameof(Row.Features)].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, kept.Length));
            IEnumerable<Row> rows = Enumerable.Range(0, Labels.Length).Select(i => new Row
            {
                Features = kept.Select(j => Features[i][j]).ToArray(),
                Class = Labels[i].ToString(CultureInfo.InvariantCulture),
            });
            IDataView raw = context.Data.LoadFromEnumerable(rows.ToList(), definition);
            IDataView classes = context.Data.LoadFromEnumerable(Labels.Distinct().OrderBy(c => c).Select(c => new ClassName { Class = c.ToString(CultureInfo.InvariantCulture) }));
            return context.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Class), keyData: classes).Fit(raw).Transform(raw);
        }

        private static SelectionCase Interactions()
        {
            var (features, labels, names) = InteractionData.Draw(4000, 40, seed: 7);
            return new SelectionCase("interactions", "Two XOR pairs and a main effect (sign(x1 x2) + sign(x3 x4) + x5), 4,000 x 40", features, labels, names, 5,
                InteractionData.Relevant);
        }

        private static SelectionCase Xor()
        {
            var random = new Random(17);
            string[] names = new[] { "x1", "x2" }.Concat(Enumerable.Range(1, 20).Select(i => "noise" + i)).ToArray();
            float[][] rows = Enumerable.Range(0, 4000).Select(_ => names.Select(_ => (float)CorrelatedGaussians.Normal(random)).ToArray()).ToArray();
            return new SelectionCase("xor", "XOR y = (x1 x2 > 0), 4,000 x 22", rows, rows.Select(r => r[0] * r[1] > 0 ? 1 : 0).ToArray(), names, 2, new[] { "x1", "x2" });
        }

        private static SelectionCase Redundant()
        {
            var random = new Random(17);
            float N() => (float)CorrelatedGaussians.Normal(random);
            string[] names = new[] { "a", "a_copy1", "a_copy2", "a_copy3", "b" }.Concat(Enumerable.Range(1, 10).Select(i => "noise" + i)).ToArray();
            var rows = new float[4000][];
            var labels = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                float a = N(), b = N();
                var f = new float[names.Length];
                f[0] = a;
                for (int c = 1; c <= 3; c++)
                    f[c] = a + 0.05f * N();
                f[4] = b;
                for (int c = 5; c < f.Length; c++)
                    f[c] = N();
                rows[i] = f;
                labels[i] = a + b + 0.5f * N() > 0 ? 1 : 0;
            }
            return new SelectionCase("redundant", "Redundant copies of a (a, 3 near-copies, b, 10 noise), 4,000 x 15", rows, labels, names, 2, null);
        }

        /// <summary>A CSV with a header, numeric columns and a text class column.</summary>
        private static SelectionCase Csv(string name, string description, string path, string labelColumn, int keep)
        {
            string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            string[] header = lines[0].Split(',');
            int label = Array.IndexOf(header, labelColumn);
            string[][] fields = lines.Skip(1).Select(l => l.Split(',')).ToArray();
            string[] classes = fields.Select(f => f[label]).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
            int[] columns = Enumerable.Range(0, header.Length).Where(j => j != label).ToArray();
            return new SelectionCase(name, $"{description}, {fields.Length:N0} x {columns.Length}",
                fields.Select(f => columns.Select(j => float.Parse(f[j], CultureInfo.InvariantCulture)).ToArray()).ToArray(),
                fields.Select(f => Array.IndexOf(classes, f[label])).ToArray(), columns.Select(j => header[j]).ToArray(), keep, null);
        }

        /// <summary>scikit-learn's 8 x 8 digits (UCI optdigits' test part), as Debian's python3-sklearn ships it; null without it.</summary>
        private static SelectionCase Digits()
        {
            string path = Path.Combine(DebianSklearnData, "digits.csv.gz");
            if (!File.Exists(path))
                return null;
            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
            var rows = new List<float[]>();
            var labels = new List<int>();
            for (string line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                float[] values = line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                rows.Add(values[..64]);
                labels.Add((int)values[64]);
            }
            string[] names = Enumerable.Range(0, 64).Select(j => $"r{j / 8}c{j % 8}").ToArray();
            return new SelectionCase("digits", $"8 x 8 digits (UCI optdigits, Debian's python3-sklearn), {rows.Count:N0} x 64, 10 classes", rows.ToArray(), labels.ToArray(), names, 10, null);
        }

        private sealed class Row
        {
            public float[] Features { get; set; }

            public string Class { get; set; }
        }

        private sealed class ClassName
        {
            public string Class { get; set; }
        }
    }
}
