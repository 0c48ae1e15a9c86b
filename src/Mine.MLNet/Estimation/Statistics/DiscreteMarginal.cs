using System;
using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Estimation.Statistics
{
    /// <summary>
    /// A variable with few distinct values (a key, a Boolean, a small integer code): its categories and each row's
    /// category. When Z is discrete, E_Q[e^T] over the product of marginals is computed exactly as
    /// sum_c p(c) e^{T(x, c)} instead of from shuffled pairs: no sampling noise from the marginal.
    /// </summary>
    internal sealed class DiscreteMarginal
    {
        /// <summary>Variables with more distinct values than this are treated as continuous.</summary>
        public const int MaxCategories = 32;

        private DiscreteMarginal(float[] categories, int width, int[] categoryOfRow)
        {
            Categories = categories;
            Width = width;
            CategoryOfRow = categoryOfRow;
        }

        /// <summary>The distinct rows, row-major, in order of first appearance.</summary>
        public float[] Categories { get; }

        /// <summary>Values per row.</summary>
        public int Width { get; }

        /// <summary>The number of categories.</summary>
        public int Count => Categories.Length / Width;

        /// <summary>Each row's category index.</summary>
        public int[] CategoryOfRow { get; }

        /// <summary>The categories of <paramref name="data"/>, or null when it has more than <see cref="MaxCategories"/> distinct rows.</summary>
        public static DiscreteMarginal Detect(float[] data, int width)
        {
            int n = data.Length / width;
            var index = new Dictionary<RowKey, int>();
            var categoryOfRow = new int[n];
            var categories = new List<float>();
            for (int i = 0; i < n; i++)
            {
                var key = new RowKey(data, i * width, width);
                if (!index.TryGetValue(key, out int c))
                {
                    if (index.Count == MaxCategories)
                        return null;
                    c = index.Count;
                    index.Add(key, c);
                    categories.AddRange(new ArraySegment<float>(data, i * width, width));
                }
                categoryOfRow[i] = c;
            }
            return index.Count >= 2 ? new DiscreteMarginal(categories.ToArray(), width, categoryOfRow) : null;
        }

        /// <summary>The categories of <paramref name="rows"/>.</summary>
        public int[] CategoriesOf(int[] rows) => Array.ConvertAll(rows, r => CategoryOfRow[r]);

        /// <summary>The frequency p(c) of each category among <paramref name="rows"/>.</summary>
        public double[] Frequencies(int[] rows)
        {
            var counts = new double[Count];
            foreach (int r in rows)
                counts[CategoryOfRow[r]]++;
            return counts.Select(c => c / rows.Length).ToArray();
        }

        /// <summary>A row of a row-major array, compared by value.</summary>
        private readonly struct RowKey : IEquatable<RowKey>
        {
            private readonly float[] data;
            private readonly int offset;
            private readonly int width;

            public RowKey(float[] data, int offset, int width)
            {
                this.data = data;
                this.offset = offset;
                this.width = width;
            }

            public bool Equals(RowKey other) => data.AsSpan(offset, width).SequenceEqual(other.data.AsSpan(other.offset, other.width));

            public override bool Equals(object obj) => obj is RowKey other && Equals(other);

            public override int GetHashCode()
            {
                var hash = new HashCode();
                for (int j = 0; j < width; j++)
                    hash.Add(data[offset + j]);
                return hash.ToHashCode();
            }
        }
    }
}
