using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.ML;

namespace Mine.MLNet.Data
{
    /// <summary>Reads two column groups of an IDataView into paired float rows, skipping rows with a missing value.</summary>
    internal static class PairedSampleReader
    {
        /// <summary>
        /// Streams the rows once. Rows with a missing value in X are skipped and counted in
        /// <paramref name="skipped"/>; a missing value in Z is skipped too, unless <paramref name="missingZ"/> is
        /// given, in which case the exception it builds from the row position is thrown. When more than
        /// <paramref name="maxRows"/> complete rows stream past, a uniform reservoir sample (seeded) of
        /// <paramref name="maxRows"/> of them is kept, so memory stays bounded; <paramref name="complete"/> counts
        /// them all.
        /// </summary>
        public static PairedSamples Read(IDataView data, ColumnGroup x, ColumnGroup z, CancellationToken cancellation,
            out long skipped, out long complete, Func<long, Exception> missingZ = null, int maxRows = int.MaxValue, int seed = 0)
            => Read(data, x, z, cancellation, out skipped, out complete, out _, missingZ, maxRows, seed);

        /// <summary>As the other overload; <paramref name="missing"/> says which columns had the missing values (null when none did).</summary>
        public static PairedSamples Read(IDataView data, ColumnGroup x, ColumnGroup z, CancellationToken cancellation,
            out long skipped, out long complete, out string missing, Func<long, Exception> missingZ = null, int maxRows = int.MaxValue, int seed = 0)
        {
            IEnumerable<DataViewSchema.Column> active = x.Encoders.Concat(z.Encoders).Select(e => e.Column);
            using DataViewRowCursor cursor = data.GetRowCursor(active);
            var missingX = new long[x.Encoders.Count];
            var missingZCount = new long[z.Encoders.Count];
            ColumnFiller fillX = x.Bind(cursor, missingX);
            ColumnFiller fillZ = z.Bind(cursor, missingZCount);
            var rowX = new float[x.Width];
            var rowZ = new float[z.Width];
            var xs = new List<float>();
            var zs = new List<float>();
            var random = new Random(seed);
            skipped = 0;
            complete = 0;
            while (cursor.MoveNext())
            {
                if ((cursor.Position & 1023) == 0)
                    cancellation.ThrowIfCancellationRequested();
                bool hasX = fillX(rowX);
                bool hasZ = fillZ(rowZ);
                if (!hasZ && missingZ != null)
                    throw missingZ(cursor.Position);
                if (!hasX || !hasZ)
                {
                    skipped++;
                    continue;
                }
                complete++;
                if (complete <= maxRows)
                {
                    xs.AddRange(rowX);
                    zs.AddRange(rowZ);
                    continue;
                }
                // Reservoir sampling (Algorithm R): row number `complete` replaces a kept row with probability maxRows/complete.
                long slot = random.NextInt64(complete);
                if (slot < maxRows)
                {
                    rowX.CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(xs).Slice((int)slot * x.Width, x.Width));
                    rowZ.CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(zs).Slice((int)slot * z.Width, z.Width));
                }
            }
            missing = string.Join(", ", new[] { x.DescribeMissing(missingX), z.DescribeMissing(missingZCount) }.Where(d => d != null));
            if (missing.Length == 0)
                missing = null;
            return new PairedSamples(xs.ToArray(), x.Width, zs.ToArray(), z.Width);
        }
    }
}
