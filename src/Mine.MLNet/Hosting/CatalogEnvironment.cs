using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Mine.MLNet.Native;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// Finds the host environment behind an ML.NET catalog. ML.NET keeps it in a private field and its accessor
    /// (CatalogUtils.GetEnvironment) is internal, so it is read by reflection. Every public entry point goes
    /// through <see cref="Get"/>, which also makes TorchSharp's native library loadable before its first use.
    /// </summary>
    internal static class CatalogEnvironment
    {
        public static IHostEnvironment Get(object catalog)
        {
            if (catalog == null)
                throw new ArgumentNullException(nameof(catalog));
            IHostEnvironment env = Find(catalog, depth: 2) ?? throw new InvalidOperationException(
                $"Mine.MLNet could not find the MLContext behind {catalog.GetType().Name}; this ML.NET version is not supported.");
            TorchSharpNativeLibrary.EnsureLoadable(env);
            return env;
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
        /// An MLContext for building ML.NET components inside Mine.MLNet on behalf of <paramref name="env"/>: <paramref name="env"/>
        /// itself when it is one; otherwise a context with its seed, GpuDeviceId and FallbackToCpu, whose log messages
        /// are passed on to <paramref name="env"/>'s log (the catalogs hand out the MLContext's inner environment, and
        /// an MLContext cannot be built around an existing environment).
        /// </summary>
        public static MLContext Context(IHostEnvironment env)
        {
            if (env is MLContext context)
                return context;
            context = new MLContext(Setting<int?>(env, "Seed"))
            {
                GpuDeviceId = Setting<int?>(env, "GpuDeviceId"),
                FallbackToCpu = Setting<bool?>(env, "FallbackToCpu") ?? true,
            };
            context.Log += (_, message) => Forward(env, message);
            return context;
        }

        private static void Forward(IHostEnvironment env, LoggingEventArgs message)
        {
            using IChannel channel = env.Start(string.IsNullOrEmpty(message.Source) ? "Mine.MLNet" : message.Source);
            switch (message.Kind)
            {
                case ChannelMessageKind.Error:
                    channel.Error(MessageSensitivity.None, message.RawMessage);
                    break;
                case ChannelMessageKind.Warning:
                    channel.Warning(MessageSensitivity.None, message.RawMessage);
                    break;
                case ChannelMessageKind.Info:
                    channel.Info(MessageSensitivity.None, message.RawMessage);
                    break;
                default:
                    channel.Trace(MessageSensitivity.None, message.RawMessage);
                    break;
            }
        }

        /// <summary>
        /// A public property of ML.NET's internal host base class on <paramref name="env"/> (GpuDeviceId,
        /// FallbackToCpu, Seed, IsCanceled; every registered host carries copies), or default when this ML.NET has none.
        /// </summary>
        public static T Setting<T>(IHostEnvironment env, string name)
        {
            PropertyInfo property = env?.GetType().GetProperty(name, BindingFlags.Instance | BindingFlags.Public);
            return property?.GetValue(env) is T value ? value : default;
        }

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
