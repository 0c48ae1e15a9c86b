using System.Reflection;
using Microsoft.ML;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// SchemaShape.Create(DataViewSchema) is internal to ML.NET; the tests call it by reflection to check
    /// GetOutputSchema the way ML.NET's own estimator tests do.
    /// </summary>
    public static class SchemaShapes
    {
        /// <summary>The shape of <paramref name="schema"/>.</summary>
        public static SchemaShape Of(DataViewSchema schema)
            => (SchemaShape)typeof(SchemaShape)
                .GetMethod("Create", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, new[] { typeof(DataViewSchema) })
                .Invoke(null, new object[] { schema });
    }
}
