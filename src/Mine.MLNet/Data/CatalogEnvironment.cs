using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.ML;
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
            foreach (FieldInfo field in Fields(catalog))
            {
                if (typeof(IHostEnvironment).IsAssignableFrom(field.FieldType) && field.GetValue(catalog) is IHostEnvironment env)
                    return env;
            }
            if (depth == 0)
                return null;
            foreach (FieldInfo field in Fields(catalog))
            {
                if (field.FieldType.Namespace?.StartsWith("Microsoft.ML", StringComparison.Ordinal) == true
                    && field.GetValue(catalog) is object owner && Find(owner, depth - 1) is IHostEnvironment env)
                    return env;
            }
            return null;
        }

        /// <summary>
        /// The MLContext to build ML.NET components with: <paramref name="env"/> itself when it is one (so its seed and
        /// log channel carry over), otherwise a new one.
        /// </summary>
        public static MLContext Context(IHostEnvironment env) => env as MLContext ?? new MLContext();

        /// <summary>Every instance field of <paramref name="instance"/>'s type and its base types.</summary>
        private static IEnumerable<FieldInfo> Fields(object instance)
        {
            for (Type type = instance.GetType(); type != null; type = type.BaseType)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    yield return field;
            }
        }
    }
}
