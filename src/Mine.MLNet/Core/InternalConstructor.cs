using System;
using System.Linq;
using System.Reflection;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// Calls a constructor that ML.NET keeps internal (a prediction transformer, model parameters, a TrainerInfo),
    /// chosen by its number of parameters. Microsoft.ML is pinned to [5.0.1, 5.1), and a test covers each use.
    /// </summary>
    internal static class InternalConstructor
    {
        public static T Invoke<T>(params object[] arguments) => (T)Invoke(typeof(T), arguments);

        public static object Invoke(Type type, params object[] arguments)
        {
            ConstructorInfo constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .FirstOrDefault(c => c.GetParameters().Length == arguments.Length && !c.GetParameters().Any(p => p.ParameterType.Name == "ModelLoadContext"));
            if (constructor == null)
            {
                throw new InvalidOperationException(
                    $"This ML.NET version has no {type.Name} constructor with {arguments.Length} parameters; Mine.MLNet supports Microsoft.ML 5.0.");
            }
            try
            {
                return constructor.Invoke(arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
