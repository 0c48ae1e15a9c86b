using System;
using System.Linq;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Mine.MLNet.Trainers
{
    /// <summary>
    /// Builds ML.NET's own multiclass scorer over a column of class probabilities: a
    /// <see cref="MulticlassPredictionTransformer{TModel}"/> around a <see cref="LinearMulticlassModelParameters"/>
    /// with identity weights and zero bias, so Score = the probabilities exactly (each dot product has one
    /// non-zero term, times 1), PredictedLabel = their arg max as a key carrying the label's KeyValues, and Score
    /// carries SlotNames: the multiclass contract that MulticlassClassification.Evaluate and MapKeyToValue expect,
    /// saved by ML.NET itself. Both constructors are internal to ML.NET (no public route builds a scorer from
    /// given weights), so they are called by reflection; this ML.NET version is pinned and a test covers it.
    /// </summary>
    internal static class MulticlassScorerFactory
    {
        public static ITransformer Create(IHostEnvironment env, DataViewSchema schema, string probabilitiesColumnName, int classes,
            string labelColumnName, string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel")
        {
            var weights = new VBuffer<float>[classes];
            for (int c = 0; c < classes; c++)
            {
                var row = new float[classes];
                row[c] = 1f;
                weights[c] = new VBuffer<float>(classes, row);
            }
            var model = (LinearMulticlassModelParameters)Construct(typeof(LinearMulticlassModelParameters),
                new object[] { env, weights, new float[classes], classes, classes, null, null });
            return (ITransformer)Construct(typeof(MulticlassPredictionTransformer<LinearMulticlassModelParameters>),
                new object[] { env, model, schema, probabilitiesColumnName, labelColumnName, scoreColumnName, predictedLabelColumnName });
        }

        private static object Construct(Type type, object[] arguments)
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
