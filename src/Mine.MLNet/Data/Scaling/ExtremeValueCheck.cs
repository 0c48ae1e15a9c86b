using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Data.Scaling
{
    /// <summary>
    /// Refuses a dimension whose largest values dwarf its typical spread when it would only be standardised (marginal
    /// Gaussianisation off): a few values of 1e30 among values of order 1 make the standard deviation 1e29, every ordinary
    /// value the same after standardising, and the estimate a confident 0. Marginal Gaussianisation depends on ranks only
    /// and needs no such check.
    /// </summary>
    internal static class ExtremeValueCheck
    {
        /// <summary>Largest distance from the median, in interquartile ranges, that a value may have.</summary>
        public const double MaxSpread = 1e6;

        /// <summary>Throws a marked error naming the column when a dimension of <paramref name="data"/> has extreme values.</summary>
        /// <param name="context">Marks the exception.</param>
        /// <param name="data">Rows, row-major.</param>
        /// <param name="width">Values per row.</param>
        /// <param name="columnOf">The column (and slot) a dimension belongs to, for the message.</param>
        /// <param name="optionName">The option that turns Gaussianisation on, for the advice.</param>
        public static void Check(IExceptionContext context, float[] data, int width, Func<int, string> columnOf, string optionName)
        {
            int rows = data.Length / width;
            if (rows < 4)
                return;
            var column = new float[rows];
            for (int j = 0; j < width; j++)
            {
                for (int i = 0; i < rows; i++)
                    column[i] = data[(long)i * width + j];
                Array.Sort(column);
                double median = column[rows / 2], spread = column[3 * rows / 4] - column[rows / 4];
                double farthest = Math.Max(median - column[0], column[^1] - median);
                if (spread > 0 && farthest / spread > MaxSpread)
                {
                    throw context.Process(new ArgumentOutOfRangeException(optionName,
                        string.Format(CultureInfo.InvariantCulture,
                            "Column {0} holds values up to {1:G3} away from its median against an interquartile range of {2:G3}: standardised without {3} = true, " +
                            "those values would decide its scale and the estimate. Keep {3} on (the default) or rescale the column.",
                            columnOf(j), farthest, spread, optionName)));
                }
            }
        }

        /// <summary>A group's dimension as "'column'" or "'column' slot i".</summary>
        public static Func<int, string> Namer(ColumnGroup group)
        {
            var names = new List<string>();
            foreach (ColumnEncoder encoder in group.Encoders)
                for (int s = 0; s < encoder.Width; s++)
                    names.Add(encoder.Width == 1 ? $"'{encoder.Name}'" : $"'{encoder.Name}' slot {s}");
            return d => names[d];
        }
    }
}
