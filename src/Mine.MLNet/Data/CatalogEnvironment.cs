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
            for (Type type = catalog.GetType(); type != null; type = type.BaseType)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (typeof(IHostEnvironment).IsAssignableFrom(field.FieldType) && field.GetValue(catalog) is IHostEnvironment env)
                        return env;
                }
            }
            throw new InvalidOperationException(
                $"Mine.MLNet could not find the MLContext behind {catalog.GetType().Name}; this ML.NET version is not supported.");
        }
    }
}
