using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Data
{
    /// <summary>A named group of input columns, resolved and type-checked against a schema.</summary>
    internal sealed class ColumnGroup
    {
        private ColumnGroup(ColumnEncoder[] encoders)
        {
            Encoders = encoders;
            Width = encoders.Sum(e => e.Width);
        }

        public IReadOnlyList<ColumnEncoder> Encoders { get; }

        /// <summary>Floats per row for the whole group.</summary>
        public int Width { get; }

        /// <summary>
        /// Resolves <paramref name="names"/> in <paramref name="schema"/>. Throws a marked
        /// ArgumentOutOfRangeException naming the column when one is missing or of an unsupported type.
        /// </summary>
        public static ColumnGroup Resolve(IExceptionContext context, DataViewSchema schema, IReadOnlyList<string> names, string argumentName)
        {
            var encoders = new ColumnEncoder[names.Count];
            for (int i = 0; i < names.Count; i++)
            {
                string name = names[i];
                DataViewSchema.Column? column = schema.GetColumnOrNull(name);
                if (column == null)
                    throw context.Process(new ArgumentOutOfRangeException(argumentName, $"Could not find input column '{name}'."));
                encoders[i] = ColumnEncoder.TryCreate(column.Value)
                    ?? throw context.Process(new ArgumentOutOfRangeException(argumentName,
                        $"Schema mismatch for input column '{name}': expected {ColumnEncoder.ExpectedTypes} (keys of at most {ColumnEncoder.MaxKeyCount} values), got {column.Value.Type}."));
            }
            return new ColumnGroup(encoders);
        }

        /// <summary>Checks a list of column names: not null, not empty, no name twice.</summary>
        public static void CheckNames(IExceptionContext context, string[] names, string argumentName)
        {
            if (names == null)
                throw context.Process(new ArgumentNullException(argumentName));
            if (names.Length == 0)
                throw context.Process(new ArgumentOutOfRangeException(argumentName, "At least one column name is required."));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                if (string.IsNullOrWhiteSpace(name))
                    throw context.Process(new ArgumentOutOfRangeException(argumentName, "Column names must not be null or empty."));
                if (!seen.Add(name))
                    throw context.Process(new ArgumentOutOfRangeException(argumentName, $"Column '{name}' is listed more than once."));
            }
        }

        /// <summary>
        /// Binds every column to <paramref name="row"/>; the result fills one row of the group. <paramref name="missing"/>,
        /// when given (one count per column), counts the rows in which each column had a missing value.
        /// </summary>
        public ColumnFiller Bind(DataViewRow row, long[] missing = null)
        {
            ColumnFiller[] fillers = Encoders.Select(e => e.Bind(row)).ToArray();
            int[] widths = Encoders.Select(e => e.Width).ToArray();
            return destination =>
            {
                bool complete = true;
                int offset = 0;
                for (int i = 0; i < fillers.Length; i++)
                {
                    // Every getter runs, even after a missing value, so cursors stay consistent.
                    bool present = fillers[i](destination.Slice(offset, widths[i]));
                    if (!present && missing != null)
                        missing[i]++;
                    complete &= present;
                    offset += widths[i];
                }
                return complete;
            };
        }

        /// <summary>
        /// The columns with missing values in words, from per-column counts: "'A' 12 rows, 'Key' 5,000 rows (a missing key:
        /// 0, or a value at or above the key's 4 values)", or null when there are none.
        /// </summary>
        public string DescribeMissing(long[] missing)
        {
            var parts = new List<string>();
            for (int i = 0; i < Encoders.Count; i++)
            {
                if (missing[i] == 0)
                    continue;
                string part = $"'{Encoders[i].Name}' {missing[i]:N0} row{(missing[i] == 1 ? "" : "s")}";
                if ((Encoders[i].Column.Type is VectorDataViewType vector ? vector.ItemType : Encoders[i].Column.Type) is KeyDataViewType key)
                    part += $" (a missing key: 0, or a value at or above the key's count of {key.Count}; LoadFromEnumerable reads a key member as 0-based, 0 to {key.Count - 1})";
                else
                    part += " (NaN or an infinity)";
                parts.Add(part);
            }
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }
}
