using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// Three classes "a", "b", "c" in 10 dimensions: class k has mean 3 e_k (unit vectors on the first three
    /// axes) and identity covariance. The class means are 3 sqrt(2) = 4.24 apart, so the Bayes classifier errs on
    /// each pair with probability Phi(-2.12) = 1.7% and on the whole problem on about 3.4% of rows.
    /// </summary>
    public static class GaussianClassesData
    {
        /// <summary>Features per row.</summary>
        public const int Width = 10;

        /// <summary>The class names, in key order.</summary>
        public static readonly string[] Classes = { "a", "b", "c" };

        /// <summary>One row: a feature vector and a class name.</summary>
        public sealed class Row
        {
            /// <summary>The features.</summary>
            [VectorType(Width)]
            public float[] Features { get; set; }

            /// <summary>The class name.</summary>
            public string Class { get; set; }
        }

        /// <summary>Rows drawn with <paramref name="seed"/>, classes equally likely.</summary>
        public static List<Row> Rows(int count, int seed)
        {
            var random = new Random(seed);
            var rows = new List<Row>(count);
            for (int i = 0; i < count; i++)
            {
                int k = random.Next(Classes.Length);
                var x = new float[Width];
                for (int j = 0; j < Width; j++)
                    x[j] = (float)CorrelatedGaussians.Normal(random) + (j == k ? 3f : 0f);
                rows.Add(new Row { Features = x, Class = Classes[k] });
            }
            return rows;
        }

        /// <summary>The rows as an IDataView with the key label "Label" (KeyValues a, b, c) next to "Class".</summary>
        public static IDataView Load(MLContext context, IEnumerable<Row> rows)
        {
            IDataView data = context.Data.LoadFromEnumerable(rows);
            return KeyedLabel(context).Fit(data).Transform(data);
        }

        /// <summary>MapValueToKey from Class to Label, with the key order a, b, c whatever the data's order.</summary>
        public static IEstimator<ITransformer> KeyedLabel(MLContext context)
        {
            IDataView names = context.Data.LoadFromEnumerable(Classes.Select(c => new ClassName { Class = c }));
            return context.Transforms.Conversion.MapValueToKey("Label", "Class", keyData: names);
        }

        /// <summary>Writes the features as Features[0] .. Features[9] (the model loader's vector convention).</summary>
        public static void WriteCsv(string path, IEnumerable<Row> rows)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine(string.Join(",", Enumerable.Range(0, Width).Select(j => $"Features[{j}]")));
            foreach (Row row in rows)
                writer.WriteLine(string.Join(",", row.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        private sealed class ClassName
        {
            public string Class { get; set; }
        }
    }
}
