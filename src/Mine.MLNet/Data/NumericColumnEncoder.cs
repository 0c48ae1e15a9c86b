using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// A numeric or Boolean scalar or known-size vector column, one float per slot. A NaN or an infinity (including a
    /// finite Double too large for a Single) makes the row missing: skipped and counted, never fed to a network.
    /// </summary>
    internal sealed class NumericColumnEncoder<T> : ColumnEncoder
    {
        private readonly bool isVector;
        private readonly Func<T, float> convert;

        public NumericColumnEncoder(DataViewSchema.Column column, int size, bool isVector, Func<T, float> convert)
            : base(column, size)
        {
            this.isVector = isVector;
            this.convert = convert;
        }

        public override ColumnFiller Bind(DataViewRow row)
        {
            if (!isVector)
            {
                ValueGetter<T> getter = row.GetGetter<T>(Column);
                T value = default;
                return destination =>
                {
                    getter(ref value);
                    destination[0] = convert(value);
                    return float.IsFinite(destination[0]);
                };
            }

            ValueGetter<VBuffer<T>> vectorGetter = row.GetGetter<VBuffer<T>>(Column);
            VBuffer<T> buffer = default;
            return destination =>
            {
                vectorGetter(ref buffer);
                ReadOnlySpan<T> values = buffer.GetValues();
                if (buffer.IsDense)
                {
                    for (int i = 0; i < values.Length; i++)
                        destination[i] = convert(values[i]);
                }
                else
                {
                    destination.Clear();
                    ReadOnlySpan<int> indices = buffer.GetIndices();
                    for (int i = 0; i < values.Length; i++)
                        destination[indices[i]] = convert(values[i]);
                }
                foreach (float f in destination)
                {
                    if (!float.IsFinite(f))
                        return false;
                }
                return true;
            };
        }
    }
}
