using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Selection
{
    /// <summary>
    /// Where each input column's slots sit in the concatenated column, what each slot is called, and the
    /// candidates (one per slot or one per column) as lists of slots.
    /// </summary>
    internal sealed class SlotLayout
    {
        private SlotLayout(string[] slotNames, List<(string Name, int[] Slots)> columns)
        {
            SlotNames = slotNames;
            Columns = columns;
        }

        /// <summary>One name per concatenated slot: its SlotNames entry when it has one, else <c>column[i]</c>.</summary>
        public IReadOnlyList<string> SlotNames { get; }

        /// <summary>Each input column's name and its slots in the concatenated column.</summary>
        public IReadOnlyList<(string Name, int[] Slots)> Columns { get; }

        public int Width => SlotNames.Count;

        /// <summary>
        /// The layout of <paramref name="inputColumnNames"/> in <paramref name="schema"/>, named after the
        /// concatenated column's SlotNames where Concatenate gave them (the names the output column will carry).
        /// </summary>
        public static SlotLayout Create(DataViewSchema schema, IReadOnlyList<string> inputColumnNames, DataViewSchema.Column concatenated)
        {
            var concatenatedNames = new VBuffer<ReadOnlyMemory<char>>();
            if (concatenated.HasSlotNames())
                concatenated.GetSlotNames(ref concatenatedNames);
            int width = ((VectorDataViewType)concatenated.Type).Size;
            string[] given = concatenatedNames.Length == width
                ? concatenatedNames.DenseValues().Select(n => n.ToString()).ToArray()
                : new string[width];

            var names = new List<string>();
            var columns = new List<(string, int[])>();
            foreach (string name in inputColumnNames)
            {
                DataViewType type = schema[name].Type;
                int size = type is VectorDataViewType vector ? vector.Size : 1;
                int start = names.Count;
                for (int i = 0; i < size; i++)
                {
                    string slotName = given[start + i];
                    names.Add(!string.IsNullOrEmpty(slotName) ? slotName : type is VectorDataViewType ? $"{name}[{i}]" : name);
                }
                columns.Add((name, Enumerable.Range(start, size).ToArray()));
            }
            return new SlotLayout(names.ToArray(), columns);
        }

        /// <summary>The candidates and their names: every slot, or every column with all its slots.</summary>
        public (int[][] Slots, string[] Names) Candidates(SelectionCandidates kind)
            => kind == SelectionCandidates.Slots
                ? (Enumerable.Range(0, Width).Select(slot => new[] { slot }).ToArray(), SlotNames.ToArray())
                : (Columns.Select(c => c.Slots).ToArray(), Columns.Select(c => c.Name).ToArray());
    }
}
