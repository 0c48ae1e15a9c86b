using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Selection
{
    /// <summary>Checks a <see cref="MutualInformationSelectOptions"/> when the estimator is built.</summary>
    internal static class SelectionOptionsValidator
    {
        public static void Check(IExceptionContext context, MutualInformationSelectOptions options)
        {
            if (options == null)
                throw context.Process(new ArgumentNullException(nameof(options)));
            CheckName(context, options.OutputColumnName, nameof(options.OutputColumnName));
            CheckName(context, options.LabelColumnName, nameof(options.LabelColumnName));
            ColumnGroup.CheckNames(context, options.InputColumnNames, nameof(options.InputColumnNames));
            if (Array.IndexOf(options.InputColumnNames, options.LabelColumnName) >= 0)
            {
                throw context.Process(new ArgumentOutOfRangeException(nameof(options.InputColumnNames),
                    $"Column '{options.LabelColumnName}' is the label; it cannot also be an input column."));
            }
            if (options.FeaturesToKeep < 1)
                throw Bad(context, nameof(options.FeaturesToKeep), options.FeaturesToKeep, "must be at least 1");
            if (options.MinimumMutualInformation is double minimum && (!double.IsFinite(minimum) || minimum < 0))
            {
                throw Bad(context, nameof(options.MinimumMutualInformation), minimum, "must be a finite number of nats, at least 0");
            }
            if (!Enum.IsDefined(options.Candidates))
                throw Bad(context, nameof(options.Candidates), options.Candidates, "is not a SelectionCandidates value");
            if (!Enum.IsDefined(options.Strategy))
                throw Bad(context, nameof(options.Strategy), options.Strategy, "is not a SelectionStrategy value");
            if (options.MaximumRows < 1)
                throw Bad(context, nameof(options.MaximumRows), options.MaximumRows, "must be at least 1");
            if (options.Mine == null)
                throw context.Process(new ArgumentNullException(nameof(options.Mine)));
            MineOptionsValidator.Check(context, options.Mine);
        }

        private static Exception Bad(IExceptionContext context, string name, object value, string rule)
            => OptionError.Create(context, nameof(MutualInformationSelectOptions), name, value, rule);

        private static void CheckName(IExceptionContext context, string name, string argumentName)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw context.Process(new ArgumentOutOfRangeException(argumentName, "A column name is required."));
        }
    }
}
