using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Mine.MLNet.Core;

namespace Mine.MLNet.Data
{
    /// <summary>Reads two column groups of an IDataView into paired float rows, skipping rows with a missing value.</summary>
    internal static class PairedSampleReader
    {
        public static PairedSamples Read(IDataView data, ColumnGroup x, ColumnGroup z, CancellationToken cancellation, out long skipped)
        {
            IEnumerable<DataViewSchema.Column> active = x.Encoders.Concat(z.Encoders).Select(e => e.Column);
            using DataViewRowCursor cursor = data.GetRowCursor(active);
            ColumnFiller fillX = x.Bind(cursor);
            ColumnFiller fillZ = z.Bind(cursor);
            var rowX = new float[x.Width];
            var rowZ = new float[z.Width];
            var xs = new List<float>();
            var zs = new List<float>();
            skipped = 0;
            while (cursor.MoveNext())
            {
                if ((cursor.Position & 1023) == 0)
                    cancellation.ThrowIfCancellationRequested();
                bool complete = fillX(rowX) & fillZ(rowZ);
                if (!complete)
                {
                    skipped++;
                    continue;
                }
                xs.AddRange(rowX);
                zs.AddRange(rowZ);
            }
            return new PairedSamples(xs.ToArray(), x.Width, zs.ToArray(), z.Width);
        }
    }
}
