using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// Turns one IDataView column into a fixed number of floats per row: numeric and Boolean scalars and
    /// known-size vectors as they are, keys one-hot encoded.
    /// </summary>
    internal abstract class ColumnEncoder
    {
        /// <summary>What the column types this encoder accepts are called in error messages.</summary>
        public const string ExpectedTypes =
            "Single, Double, integer, Boolean or key, as a scalar or a known-size vector";

        /// <summary>Keys with more values than this are refused: their one-hot encoding would be enormous.</summary>
        public const int MaxKeyCount = 10000;

        protected ColumnEncoder(DataViewSchema.Column column, int width)
        {
            Column = column;
            Width = width;
        }

        public DataViewSchema.Column Column { get; }

        public string Name => Column.Name;

        /// <summary>Floats written per row.</summary>
        public int Width { get; }

        /// <summary>Binds to a cursor or row that has this column active.</summary>
        public abstract ColumnFiller Bind(DataViewRow row);

        /// <summary>An encoder for <paramref name="column"/>, or null when its type is not supported.</summary>
        public static ColumnEncoder TryCreate(DataViewSchema.Column column)
        {
            DataViewType item = column.Type;
            int size = 1;
            if (column.Type is VectorDataViewType vector)
            {
                if (!vector.IsKnownSize)
                    return null;
                item = vector.ItemType;
                size = vector.Size;
            }
            bool isVector = column.Type is VectorDataViewType;

            if (item is KeyDataViewType key)
            {
                if (key.Count == 0 || key.Count > MaxKeyCount)
                    return null;
                int count = (int)key.Count;
                Type raw = item.RawType;
                if (raw == typeof(uint)) return new KeyColumnEncoder<uint>(column, size, isVector, count, v => v);
                if (raw == typeof(byte)) return new KeyColumnEncoder<byte>(column, size, isVector, count, v => v);
                if (raw == typeof(ushort)) return new KeyColumnEncoder<ushort>(column, size, isVector, count, v => v);
                if (raw == typeof(ulong)) return new KeyColumnEncoder<ulong>(column, size, isVector, count, v => v);
                return null;
            }

            Type t = item.RawType;
            if (t == typeof(float)) return new NumericColumnEncoder<float>(column, size, isVector, v => v);
            if (t == typeof(double)) return new NumericColumnEncoder<double>(column, size, isVector, v => (float)v);
            if (t == typeof(bool)) return new NumericColumnEncoder<bool>(column, size, isVector, v => v ? 1f : 0f);
            if (t == typeof(sbyte)) return new NumericColumnEncoder<sbyte>(column, size, isVector, v => v);
            if (t == typeof(byte)) return new NumericColumnEncoder<byte>(column, size, isVector, v => v);
            if (t == typeof(short)) return new NumericColumnEncoder<short>(column, size, isVector, v => v);
            if (t == typeof(ushort)) return new NumericColumnEncoder<ushort>(column, size, isVector, v => v);
            if (t == typeof(int)) return new NumericColumnEncoder<int>(column, size, isVector, v => v);
            if (t == typeof(uint)) return new NumericColumnEncoder<uint>(column, size, isVector, v => v);
            if (t == typeof(long)) return new NumericColumnEncoder<long>(column, size, isVector, v => v);
            if (t == typeof(ulong)) return new NumericColumnEncoder<ulong>(column, size, isVector, v => v);
            return null;
        }
    }
}
