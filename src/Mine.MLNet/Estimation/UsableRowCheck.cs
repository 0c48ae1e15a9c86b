using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Estimation.Engine;

namespace Mine.MLNet.Estimation
{
    /// <summary>Refuses data with too few usable rows for one training batch and two held-out parts.</summary>
    internal static class UsableRowCheck
    {
        /// <summary>The smallest number of rows in each held-out part (early stopping, estimation).</summary>
        internal const int MinHeldOutRows = 10;

        /// <summary>Throws when <paramref name="rows"/> usable rows are too few (see <see cref="FitPlan.CrossFittingFolds"/> for <paramref name="automaticCrossFitting"/>).</summary>
        public static void Check(IExceptionContext context, MineOptions options, int rows, long skipped, bool automaticCrossFitting)
        {
            if (rows == 0)
            {
                throw context.Process(new InvalidOperationException(skipped == 0
                    ? "The data has no rows; MINE needs rows to estimate mutual information."
                    : $"All {skipped} rows have a missing value (NaN or missing key) in the selected columns."));
            }
            int needed = MinimumRows(options, automaticCrossFitting);
            if (rows < needed)
            {
                throw context.Process(new InvalidOperationException(
                    $"MINE needs at least {needed} usable rows with BatchSize={options.BatchSize} and ValidationFraction={options.ValidationFraction}: one training batch plus {MinHeldOutRows} rows in each held-out part. Got {rows} ({skipped} skipped for missing values). Lower MineOptions.BatchSize or add rows."));
            }
        }

        /// <summary>The fewest rows that leave one batch for training and enough rows held out (in every fold when cross-fitting).</summary>
        internal static int MinimumRows(MineOptions options, bool automaticCrossFitting)
        {
            int rows = options.BatchSize;
            while (true)
            {
                int folds = FitPlan.CrossFittingFolds(options, rows, automaticCrossFitting);
                var (training, monitoring, estimation) = folds == 1
                    ? SampleSplit.Sizes(rows, options.ValidationFraction)
                    : SampleSplit.CrossFitSizes(rows, folds, options.ValidationFraction);
                if (training >= options.BatchSize && monitoring >= MinHeldOutRows && estimation >= MinHeldOutRows)
                    return rows;
                rows++;
            }
        }
    }
}
