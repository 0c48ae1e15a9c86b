using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML.Data;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// The separator and column types of a CSV/TSV file with a header row, inferred from the header and the
    /// first rows: a column is numeric (Single) when every non-empty value in those rows parses as a number.
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
        public static DelimitedFileSchema Infer(string path, char? separator)
        {
            using var reader = new StreamReader(path);
            string header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty; a header row is required.");
            char sep = separator ?? InferSeparator(path, header);
            string[] names = header.Split(sep).Select(n => n.Trim().Trim('"')).ToArray();
            var numeric = Enumerable.Repeat(true, names.Length).ToArray();
            string line;
            for (int row = 0; row < RowsInspected && (line = reader.ReadLine()) != null; row++)
            {
                string[] values = line.Split(sep);
                for (int i = 0; i < names.Length && i < values.Length; i++)
                {
                    string value = values[i].Trim().Trim('"');
                    if (value.Length > 0 && value != "?" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        numeric[i] = false;
                }
            }
            return new DelimitedFileSchema(sep, names, numeric);
        }

        /// <summary>ML.NET text loader columns: Single for numeric columns, String for the rest.</summary>
        public TextLoader.Column[] LoaderColumns()
            => Names.Select((name, i) => new TextLoader.Column(name, IsNumeric[i] ? DataKind.Single : DataKind.String, i)).ToArray();

        private static char InferSeparator(string path, string header)
        {
            if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
                return '\t';
            return new[] { ',', '\t', ';', '|' }.OrderByDescending(c => header.Count(h => h == c)).First();
        }
    }
}
