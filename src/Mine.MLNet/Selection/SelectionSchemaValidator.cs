using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;

namespace Mine.MLNet.Selection
{
    /// <summary>
    /// The schema checks of <see cref="MutualInformationSelectingEstimator"/>, on a <see cref="SchemaShape"/> so that
    /// GetOutputSchema and Fit run exactly the same code. Every failure is a marked ArgumentOutOfRangeException
    /// naming the column.
    /// </summary>
    internal static class SelectionSchemaValidator
    {
        public const string ExpectedInputTypes = "Single, Double, integer or Boolean, as a scalar or a known-size vector";

        public const string ExpectedLabelTypes = "a scalar key, Boolean, Single, Double or integer";

        public static void Check(IExceptionContext context, IReadOnlyDictionary<string, ColumnShape> schema, MutualInformationSelectOptions options)
        {
            if (!schema.TryGetValue(options.LabelColumnName, out ColumnShape label))
                throw context.Process(new ArgumentOutOfRangeException(nameof(options.LabelColumnName), $"Could not find label column '{options.LabelColumnName}'."));
            if (label.Kind != SchemaShape.Column.VectorKind.Scalar || !(label.IsKey || IsNumericOrBoolean(label.ItemType)))
            {
                throw context.Process(new ArgumentOutOfRangeException(nameof(options.LabelColumnName),
                    $"Schema mismatch for label column '{label.Name}': expected {ExpectedLabelTypes}, got {label.Describe()}."));
            }

            int scalars = 0;
            foreach (string name in options.InputColumnNames)
            {
                if (!schema.TryGetValue(name, out ColumnShape column))
                    throw context.Process(new ArgumentOutOfRangeException(nameof(options.InputColumnNames), $"Could not find input column '{name}'."));
                if (column.Kind == SchemaShape.Column.VectorKind.VariableVector || column.IsKey || !IsNumericOrBoolean(column.ItemType))
                {
                    string hint = column.IsKey ? " Expand key columns with OneHotEncoding first." : "";
                    throw context.Process(new ArgumentOutOfRangeException(nameof(options.InputColumnNames),
                        $"Schema mismatch for input column '{name}': expected {ExpectedInputTypes}, got {column.Describe()}.{hint}"));
                }
                if (column.Kind == SchemaShape.Column.VectorKind.Scalar)
                    scalars++;
            }

            // A schema shape does not carry vector sizes: the number of candidates is known here only for whole
            // columns or scalar-only inputs. Fit checks the rest once it sees the data's schema.
            bool countKnown = options.Candidates == SelectionCandidates.Columns || scalars == options.InputColumnNames.Length;
            if (countKnown)
                CheckFeaturesToKeep(context, options, options.InputColumnNames.Length);
        }

        /// <summary>FeaturesToKeep must not exceed the number of candidates.</summary>
        public static void CheckFeaturesToKeep(IExceptionContext context, MutualInformationSelectOptions options, int candidates)
        {
            if (options.FeaturesToKeep > candidates)
            {
                throw context.Process(new ArgumentOutOfRangeException(nameof(options.FeaturesToKeep), options.FeaturesToKeep,
                    $"FeaturesToKeep is {options.FeaturesToKeep} but the input columns ({string.Join(", ", options.InputColumnNames)}) give only {candidates} {options.Candidates.ToString().ToLowerInvariant()} to choose from."));
            }
        }

        private static bool IsNumericOrBoolean(DataViewType type) => type is NumberDataViewType || type is BooleanDataViewType;
    }
}
