using System;
using System.Linq;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// Finds the host environment behind an ML.NET catalog: every catalog implements ML.NET's internal
    /// <c>Microsoft.ML.Data.IInternalCatalog</c>, whose <c>Environment</c> property returns it (the accessor
    /// CatalogUtils.GetEnvironment is internal too), so that one property is read by reflection, and a version of ML.NET
    /// without it fails here with a clear message.
    /// </summary>
    internal static class CatalogEnvironment
    {
        private const string InternalCatalogInterface = "Microsoft.ML.Data.IInternalCatalog";

        public static IHostEnvironment Get(object catalog)
        {
            if (catalog == null)
                throw new ArgumentNullException(nameof(catalog));
            Type contract = catalog.GetType().GetInterfaces().FirstOrDefault(i => i.FullName == InternalCatalogInterface);
            PropertyInfo environment = contract?.GetProperty("Environment", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            return environment?.GetValue(catalog) as IHostEnvironment ?? throw new InvalidOperationException(
                $"Mine.MLNet could not find the MLContext behind {catalog.GetType().Name} ({InternalCatalogInterface}.Environment); this ML.NET version is not supported.");
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
    }
}
