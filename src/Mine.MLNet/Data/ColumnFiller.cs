using System;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// Writes the current row's value of one column, as floats, into <paramref name="destination"/>.
    /// Returns false when the value is missing (NaN, an infinity, or a missing key), so the row must be skipped.
    /// </summary>
    internal delegate bool ColumnFiller(Span<float> destination);
}
