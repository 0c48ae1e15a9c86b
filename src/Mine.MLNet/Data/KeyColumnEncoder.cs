using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// A key-typed scalar or known-size vector column, one-hot encoded: each slot becomes Count floats.
    /// Key 0 (ML.NET's missing value) or a key above Count makes the row missing.
    /// </summary>
    internal sealed class KeyColumnEncoder<T> : ColumnEncoder
    {
        private readonly bool isVector;
        private readonly int count;
        private readonly Func<T, ulong> toIndex;

        public KeyColumnEncoder(DataViewSchema.Column column, int size, bool isVector, int count, Func<T, ulong> toIndex)
            : base(column, size * count)
        {
            this.isVector = isVector;
            this.count = count;
            this.toIndex = toIndex;
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
                    destination.Clear();
                    return SetOneHot(destination, toIndex(value));
                };
            }

            ValueGetter<VBuffer<T>> vectorGetter = row.GetGetter<VBuffer<T>>(Column);
            VBuffer<T> buffer = default;
            return destination =>
            {
                vectorGetter(ref buffer);
                destination.Clear();
                int slot = 0;
                foreach (T key in buffer.DenseValues())
                {
                    if (!SetOneHot(destination.Slice(slot * count, count), toIndex(key)))
                        return false;
                    slot++;
                }
                return true;
            };
        }

        private bool SetOneHot(Span<float> slot, ulong key)
        {
            if (key == 0 || key > (ulong)count)
                return false;
            slot[(int)(key - 1)] = 1f;
            return true;
        }
    }
}
