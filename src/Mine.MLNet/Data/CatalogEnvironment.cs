using System;
using System.Reflection;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// Finds the host environment (the MLContext) behind an ML.NET catalog. ML.NET keeps it in a private
    /// field and its accessor (CatalogUtils.GetEnvironment) is internal, so it is read by reflection.
    /// </summary>
    internal static class CatalogEnvironment
    {
        public static IHostEnvironment Get(object catalog)
        {
            if (catalog == null)
                throw new ArgumentNullException(nameof(catalog));
            return Find(catalog, depth: 2) ?? throw new InvalidOperationException(
                $"Mine.MLNet could not find the MLContext behind {catalog.GetType().Name}; this ML.NET version is not supported.");
        }

        /// <summary>
        /// The environment in a field of <paramref name="catalog"/>, or in a field of the catalog that owns it
        /// (trainer catalogs such as MulticlassClassificationTrainers keep only their owner).
        /// </summary>
        private static IHostEnvironment Find(object catalog, int depth)
        {
            for (Type type = catalog.GetType(); type != null; type = type.BaseType)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (typeof(IHostEnvironment).IsAssignableFrom(field.FieldType) && field.GetValue(catalog) is IHostEnvironment env)
                        return env;
                }
            }
            if (depth == 0)
                return null;
            for (Type type = catalog.GetType(); type != null; type = type.BaseType)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.Namespace?.StartsWith("Microsoft.ML", StringComparison.Ordinal) == true
                        && field.GetValue(catalog) is object owner && Find(owner, depth - 1) is IHostEnvironment env)
                        return env;
                }
            }
            return null;
        }
    }
}
