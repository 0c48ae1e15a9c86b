using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Trainers.InformationBottleneck
{
    /// <summary>
    /// Builds ML.NET's own multiclass scorer over a column of class probabilities: a
    /// <see cref="MulticlassPredictionTransformer{TModel}"/> around a <see cref="LinearMulticlassModelParameters"/>
    /// with identity weights and zero bias, so Score = the probabilities exactly (each dot product has one
    /// non-zero term, times 1), PredictedLabel = their arg max as a key carrying the label's KeyValues, and Score
    /// carries SlotNames: the multiclass contract that MulticlassClassification.Evaluate and MapKeyToValue expect,
    /// saved by ML.NET itself. Both constructors are internal to ML.NET (no public route builds a scorer from
    /// given weights), so <see cref="InternalConstructor"/> calls them.
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
            var model = InternalConstructor.Invoke<LinearMulticlassModelParameters>(env, weights, new float[classes], classes, classes, null, null);
            return InternalConstructor.Invoke<MulticlassPredictionTransformer<LinearMulticlassModelParameters>>(
                env, model, schema, probabilitiesColumnName, labelColumnName, scoreColumnName, predictedLabelColumnName);
        }
    }
}
