using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.ModelLoader
{
    /// <summary>
    /// Usage: Mine.MLNet.ModelLoader MODEL.zip DATA.csv COLUMN. Loads the model in a fresh process, reads the
    /// CSV (header row, comma-separated; a vector column NAME from fields NAME[0], NAME[1], ...) with the column
    /// types of the model's input schema, and prints the
    /// vector column COLUMN: its slot names on the first line, then one row of values per line ("R" format).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: Mine.MLNet.ModelLoader MODEL.zip DATA.csv COLUMN");
                return 2;
            }
            var context = new MLContext(seed: 0);
            ITransformer model = context.Model.Load(args[0], out DataViewSchema inputSchema);
            string[] header = File.ReadLines(args[1]).First().Split(',');
            var columns = new List<TextLoader.Column>();
            foreach (DataViewSchema.Column column in inputSchema.Where(c => !c.IsHidden))
            {
                DataKind kind = column.Type.RawType == typeof(bool) ? DataKind.Boolean
                    : column.Type.RawType == typeof(double) ? DataKind.Double
                    : DataKind.Single;
                // A vector column of size n is read from the n fields headed NAME[0] .. NAME[n-1].
                if (column.Type is VectorDataViewType { Size: > 0 } vector)
                {
                    int first = Array.IndexOf(header, column.Name + "[0]");
                    columns.Add(new TextLoader.Column(column.Name, kind, first, first + vector.Size - 1));
                }
                else
                {
                    columns.Add(new TextLoader.Column(column.Name, kind, Array.IndexOf(header, column.Name)));
                }
            }
            IDataView data = context.Data.LoadFromTextFile(args[1], columns.ToArray(), separatorChar: ',', hasHeader: true);
            IDataView output = model.Transform(data);

            var names = new VBuffer<ReadOnlyMemory<char>>();
            output.Schema[args[2]].GetSlotNames(ref names);
            Console.WriteLine(string.Join(",", names.DenseValues()));
            foreach (float[] row in output.GetColumn<float[]>(args[2]))
                Console.WriteLine(string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            return 0;
        }
    }
}
