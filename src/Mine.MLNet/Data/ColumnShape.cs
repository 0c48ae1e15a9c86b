using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// What the schema checks need to know of a column, read from either a <see cref="SchemaShape"/>
    /// (GetOutputSchema) or a <see cref="DataViewSchema"/> (Fit), so both run the same checks.
    /// SchemaShape.Create, which would turn one into the other, is internal to ML.NET.
    /// </summary>
    internal readonly record struct ColumnShape(string Name, SchemaShape.Column.VectorKind Kind, DataViewType ItemType, bool IsKey)
    {
        /// <summary>The column's type as error messages name it: "Single", "Vector&lt;Single&gt;", "variable-length Vector&lt;Single&gt;", "Key&lt;UInt32&gt;".</summary>
        public string Describe()
        {
            string item = IsKey && ItemType is not KeyDataViewType ? $"Key<{ItemType}>" : ItemType.ToString();
            return Kind switch
            {
                SchemaShape.Column.VectorKind.Scalar => item,
                SchemaShape.Column.VectorKind.Vector => $"Vector<{item}>",
                _ => $"variable-length Vector<{item}>",
            };
        }

        public static Dictionary<string, ColumnShape> From(SchemaShape schema)
            => schema.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => FromShape(g.Last()));

        public static Dictionary<string, ColumnShape> From(DataViewSchema schema)
            => schema.Where(c => !c.IsHidden).ToDictionary(c => c.Name, c => FromColumn(c));

        private static ColumnShape FromShape(SchemaShape.Column column)
            => new ColumnShape(column.Name, column.Kind, column.ItemType, column.IsKey);

        private static ColumnShape FromColumn(DataViewSchema.Column column)
        {
            DataViewType item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
            SchemaShape.Column.VectorKind kind = column.Type is VectorDataViewType v
                ? (v.IsKnownSize ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector)
                : SchemaShape.Column.VectorKind.Scalar;
            return new ColumnShape(column.Name, kind, item, item is KeyDataViewType);
        }
    }
}
