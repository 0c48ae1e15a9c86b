using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;

namespace Mine.MLNet.Trainers.InformationBottleneck
{
    /// <summary>
    /// The information-bottleneck trainer's schema rules, run identically by GetOutputSchema and Fit: the label is
    /// a scalar key with at least two classes, the features a known-size vector of Single.
    /// </summary>
    internal static class BottleneckSchemaValidator
    {
        public static void Check(IExceptionContext context, IReadOnlyDictionary<string, ColumnShape> schema, InformationBottleneckOptions options)
        {
            string label = options.LabelColumnName, features = options.FeatureColumnName;
            if (!schema.TryGetValue(label, out ColumnShape labelShape))
                throw Bad(context, nameof(options.LabelColumnName), $"Could not find label column '{label}'.");
            if (!labelShape.IsKey || labelShape.Kind != SchemaShape.Column.VectorKind.Scalar)
            {
                throw Bad(context, nameof(options.LabelColumnName),
                    $"Schema mismatch for label column '{label}': expected a key type, got {labelShape.Describe()}. Convert it with mlContext.Transforms.Conversion.MapValueToKey.");
            }
            if (labelShape.ItemType is KeyDataViewType key && key.Count < 2)
                throw Bad(context, nameof(options.LabelColumnName), $"Label column '{label}' has {key.Count} class; a classifier needs at least 2.");
            if (!schema.TryGetValue(features, out ColumnShape featureShape))
                throw Bad(context, nameof(options.FeatureColumnName), $"Could not find feature column '{features}'.");
            if (featureShape.Kind != SchemaShape.Column.VectorKind.Vector || featureShape.ItemType != NumberDataViewType.Single)
            {
                throw Bad(context, nameof(options.FeatureColumnName),
                    $"Schema mismatch for feature column '{features}': expected a known-size vector of Single, got {featureShape.Describe()}. Concatenate and ConvertType build one.");
            }
            if (features == label)
                throw Bad(context, nameof(options.FeatureColumnName), $"Column '{features}' cannot be both the label and the features.");
        }

        private static Exception Bad(IExceptionContext context, string parameter, string message)
            => context.Process(new ArgumentOutOfRangeException(parameter, message));
    }
}
