using System;
using System.Linq;
using System.Reflection;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// Calls a constructor that ML.NET keeps internal (a prediction transformer, model parameters, a TrainerInfo): the one
    /// whose parameter types accept the arguments, one by one (a null accepts any reference type). Microsoft.ML is pinned
    /// to [5.0.1, 5.1), and a test covers each use; a later version without exactly one such constructor fails loudly
    /// here rather than calling the wrong one.
    /// </summary>
    internal static class InternalConstructor
    {
        public static T Invoke<T>(params object[] arguments) => (T)Invoke(typeof(T), arguments);

        public static object Invoke(Type type, params object[] arguments)
        {
            ConstructorInfo[] matches = type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(c => Accepts(c.GetParameters(), arguments)).ToArray();
            if (matches.Length != 1)
            {
                string given = string.Join(", ", arguments.Select(a => a?.GetType().Name ?? "null"));
                throw new InvalidOperationException(
                    $"This ML.NET version has {(matches.Length == 0 ? "no" : matches.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))} {type.Name} constructor taking ({given}); Mine.MLNet supports Microsoft.ML 5.0.");
            }
            try
            {
                return matches[0].Invoke(arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static bool Accepts(ParameterInfo[] parameters, object[] arguments)
        {
            if (parameters.Length != arguments.Length)
                return false;
            for (int i = 0; i < parameters.Length; i++)
            {
                Type expected = parameters[i].ParameterType;
                bool fits = arguments[i] == null
                    ? !expected.IsValueType || Nullable.GetUnderlyingType(expected) != null
                    : expected.IsInstanceOfType(arguments[i]);
                if (!fits)
                    return false;
            }
            return true;
        }
    }
}
