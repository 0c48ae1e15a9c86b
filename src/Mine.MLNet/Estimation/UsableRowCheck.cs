using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Core;

namespace Mine.MLNet.Estimation
{
    /// <summary>Refuses data with too few usable rows for one training batch and two held-out parts.</summary>
    internal static class UsableRowCheck
    {
        /// <summary>The smallest number of rows in each held-out part (early stopping, estimation).</summary>
        internal const int MinHeldOutRows = 10;

        public static void Check(IExceptionContext context, MineOptions options, int rows, long skipped)
        {
            if (rows == 0)
            {
                throw context.Process(new InvalidOperationException(skipped == 0
                    ? "The data has no rows; MINE needs rows to estimate mutual information."
                    : $"All {skipped} rows have a missing value (NaN or missing key) in the selected columns."));
            }
            int needed = MinimumRows(options.BatchSize, options.ValidationFraction);
            if (rows < needed)
            {
                throw context.Process(new InvalidOperationException(
                    $"MINE needs at least {needed} usable rows with BatchSize={options.BatchSize} and ValidationFraction={options.ValidationFraction}: one training batch plus {MinHeldOutRows} rows in each held-out part. Got {rows} ({skipped} skipped for missing values). Lower MineOptions.BatchSize or add rows."));
            }
        }

        /// <summary>The fewest rows that leave one batch for training and enough rows held out.</summary>
        internal static int MinimumRows(int batchSize, double validationFraction)
        {
            int rows = batchSize;
            while (true)
            {
                var (training, monitoring, estimation) = SampleSplit.Sizes(rows, validationFraction);
                if (training >= batchSize && monitoring >= MinHeldOutRows && estimation >= MinHeldOutRows)
                    return rows;
                rows++;
            }
        }
    }
}
