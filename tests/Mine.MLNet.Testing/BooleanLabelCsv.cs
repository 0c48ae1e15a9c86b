using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A CSV of Single input columns followed by a Boolean label Y, with a header: how the synthetic selection data sets
    /// (<see cref="XorData"/>, <see cref="RedundantCopiesData"/>) are written and read back.
    /// </summary>
    public static class BooleanLabelCsv
    {
        /// <summary>Writes the header, then one line per row of <paramref name="rows"/>.</summary>
        public static void Write(string path, string[] inputColumns, IEnumerable<(double[] Inputs, bool Label)> rows)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine(string.Join(",", inputColumns) + ",Y");
            foreach (var (inputs, label) in rows)
                writer.WriteLine(string.Join(",", inputs.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + (label ? "true" : "false"));
        }

        /// <summary>Loads a file written by <see cref="Write"/>: Single inputs, a Boolean label Y.</summary>
        public static IDataView Load(MLContext context, string path, string[] inputColumns)
        {
            var columns = inputColumns.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i)).ToList();
            columns.Add(new TextLoader.Column("Y", DataKind.Boolean, inputColumns.Length));
            return context.Data.LoadFromTextFile(path, columns.ToArray(), separatorChar: ',', hasHeader: true);
        }
    }
}
