using System;
using System.Linq;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Selection.Amortized
{
    /// <summary>
    /// The label as classes for the amortised critic: a discrete label (a key, a Boolean, a small code: at most
    /// <see cref="DiscreteMarginal.MaxCategories"/> values) by its categories; a continuous one by quantile bins, so the
    /// critic measures I(x_S; bin(y)), which is at most I(x_S; y) (data processing): still a lower bound on it.
    /// </summary>
    internal sealed class LabelClasses
    {
        /// <summary>Quantile bins of a continuous label at most.</summary>
        public const int MaxBins = 16;

        /// <summary>Rows per bin at least.</summary>
        public const int RowsPerBin = 20;

        private LabelClasses(int[] classOfRow, int count, bool binned)
        {
            ClassOfRow = classOfRow;
            Count = count;
            Binned = binned;
        }

        /// <summary>Each row's class, from 0.</summary>
        public int[] ClassOfRow { get; }

        /// <summary>C, the number of classes.</summary>
        public int Count { get; }

        /// <summary>Whether the label was continuous and is binned.</summary>
        public bool Binned { get; }

        /// <summary>The classes of <paramref name="z"/> (<paramref name="width"/> values per row); bins are cut on <paramref name="fitRows"/>.</summary>
        public static LabelClasses Of(float[] z, int width, int[] fitRows)
        {
            DiscreteMarginal discrete = DiscreteMarginal.Detect(z, width);
            if (discrete != null)
                return new LabelClasses(discrete.CategoryOfRow, discrete.Count, binned: false);
            if (width != 1)
                throw new ArgumentException("A continuous label must be a scalar.", nameof(width));
            int bins = Math.Clamp(fitRows.Length / RowsPerBin, 2, MaxBins);
            float[] sorted = fitRows.Select(r => z[r]).OrderBy(v => v).ToArray();
            // Bin edges at the quantiles; ties fall into one bin, so a bin may be empty and is then dropped.
            float[] edges = Enumerable.Range(1, bins - 1).Select(b => sorted[(int)((long)b * sorted.Length / bins)]).Distinct().ToArray();
            int[] classOfRow = Array.ConvertAll(z, v => Bin(edges, v));
            return new LabelClasses(classOfRow, edges.Length + 1, binned: true);
        }

        /// <summary>The frequency of each class among <paramref name="rows"/>.</summary>
        public double[] Frequencies(int[] rows)
        {
            var counts = new double[Count];
            foreach (int r in rows)
                counts[ClassOfRow[r]]++;
            return counts.Select(c => c / rows.Length).ToArray();
        }

        private static int Bin(float[] edges, float value)
        {
            int at = Array.BinarySearch(edges, value);
            return at >= 0 ? at + 1 : ~at;
        }
    }
}
