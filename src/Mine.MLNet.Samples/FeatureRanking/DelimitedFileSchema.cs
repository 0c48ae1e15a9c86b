using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// The separator and column types of a CSV/TSV file with a header row. The file is read with ML.NET's
    /// TextLoader (quoted fields allowed, so a quoted value may hold the separator); a column is numeric (Single)
    /// when every non-empty value in the first 1,000 rows parses as a number, "?" and empty fields being missing.
    /// </summary>
    public sealed class DelimitedFileSchema
    {
        private const int RowsInspected = 1000;

        private DelimitedFileSchema(char separator, string[] names, bool[] numeric)
        {
            Separator = separator;
            Names = names;
            IsNumeric = numeric;
        }

        /// <summary>The column separator.</summary>
        public char Separator { get; }

        /// <summary>The column names from the header.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>Whether each column holds numbers.</summary>
        public IReadOnlyList<bool> IsNumeric { get; }

        /// <summary>Reads the header and up to 1,000 rows; <paramref name="separator"/> null infers it.</summary>
        /// <exception cref="InvalidDataException">The file is not text, is empty, a row has more or fewer fields than the header, or the header names a column twice or not at all.</exception>
        public static DelimitedFileSchema Infer(MLContext context, string path, char? separator)
        {
            if (IsBinary(path))
                throw new InvalidDataException($"{path} is not a text file (it holds NUL bytes); give a CSV or TSV file with a header row.");
            string header = File.ReadLines(path).FirstOrDefault() ?? throw new InvalidDataException($"{path} is empty; a header row is required.");
            char sep = separator ?? InferSeparator(path, header);
            CheckFieldCounts(path, sep);

            // Every field as text, the header included, through ML.NET's own parser.
            IDataView raw = context.Data.LoadFromTextFile(path, new TextLoader.Options
            {
                Columns = new[] { new TextLoader.Column("Fields", DataKind.String, new[] { new TextLoader.Range(0, null) { VariableEnd = true } }) },
                Separators = new[] { sep },
                HasHeader = false,
                AllowQuoting = true,
                TrimWhitespace = true,
            });
            List<string[]> rows = context.Data.CreateEnumerable<RawRow>(context.Data.TakeRows(raw, RowsInspected + 1), reuseRowObject: false)
                .Select(r => r.Fields).ToList();
            if (rows.Count == 0)
                throw new InvalidDataException($"{path} is empty; a header row is required.");
            string[] names = rows[0];
            if (names.Any(n => n.Length == 0))
                throw new InvalidDataException($"{path}: header column {Array.IndexOf(names, "") + 1} has no name.");
            string twice = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)?.Key;
            if (twice != null)
                throw new InvalidDataException($"{path}: the header names column '{twice}' more than once.");

            var numeric = Enumerable.Repeat(true, names.Length).ToArray();
            foreach (string[] values in rows.Skip(1))
            {
                for (int i = 0; i < names.Length && i < values.Length; i++)
                {
                    string value = values[i];
                    if (value.Length > 0 && value != "?" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        numeric[i] = false;
                }
            }
            return new DelimitedFileSchema(sep, names, numeric);
        }

        /// <summary>
        /// ML.NET text loader options for the whole file: Single for numeric columns (empty and "?" fields become NaN,
        /// a missing value), String for the rest, quoting allowed.
        /// </summary>
        public TextLoader.Options LoaderOptions() => new TextLoader.Options
        {
            Columns = Names.Select((name, i) => new TextLoader.Column(name, IsNumeric[i] ? DataKind.Single : DataKind.String, i)).ToArray(),
            Separators = new[] { Separator },
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        };

        /// <summary>
        /// Every line must have as many fields as the header (a quoted field may hold the separator): the first that does
        /// not is named. Empty lines are skipped, as ML.NET's loader skips them.
        /// </summary>
        private static void CheckFieldCounts(string path, char separator)
        {
            int expected = -1, line = 0;
            foreach (string text in File.ReadLines(path))
            {
                line++;
                if (text.Trim().Length == 0)
                    continue;
                int fields = 1;
                bool quoted = false;
                foreach (char c in text)
                {
                    if (c == '"')
                        quoted = !quoted;
                    else if (c == separator && !quoted)
                        fields++;
                }
                if (expected < 0)
                    expected = fields;
                else if (fields != expected)
                    throw new InvalidDataException($"{path}: line {line} has {fields} field{(fields == 1 ? "" : "s")}, the header has {expected}.");
            }
        }

        private static bool IsBinary(string path)
        {
            var buffer = new byte[4096];
            using FileStream stream = File.OpenRead(path);
            int read = stream.Read(buffer, 0, buffer.Length);
            return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
        }

        private static char InferSeparator(string path, string header)
        {
            if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
                return '\t';
            return new[] { ',', '\t', ';', '|' }.OrderByDescending(c => header.Count(h => h == c)).First();
        }

        private sealed class RawRow
        {
            public string[] Fields { get; set; }
        }
    }
}
