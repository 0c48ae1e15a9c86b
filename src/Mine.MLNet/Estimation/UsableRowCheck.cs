using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Estimation.Engine;

namespace Mine.MLNet.Estimation
{
    /// <summary>Refuses data with too few usable rows to train on and to hold out two parts (in every cross-fitting fold).</summary>
    internal static class UsableRowCheck
    {
        /// <summary>The smallest number of rows in each held-out part (early stopping, estimation).</summary>
        internal const int MinHeldOutRows = 10;

        /// <summary>The smallest number of training rows (a table smaller than a batch trains on all of them at every step).</summary>
        internal const int MinTrainingRows = 20;

        /// <summary>The most rows the check considers; needing more means the held-out fraction is far too small.</summary>
        private const int Cap = 10_000_000;

        /// <summary>
        /// Throws when <paramref name="rows"/> usable rows are too few; <paramref name="foldsFor"/> gives the cross-fitting
        /// folds for a number of rows (<see cref="FitPlan"/>).
        /// </summary>
        public static void Check(IExceptionContext context, MineOptions options, int rows, long skipped, Func<int, int> foldsFor)
        {
            if (rows == 0)
            {
                throw context.Process(new InvalidOperationException(skipped == 0
                    ? "The data has no rows; MINE needs rows to estimate mutual information."
                    : $"All {skipped} rows have a missing value (NaN, an infinity or a missing key) in the selected columns."));
            }
            int needed = MinimumRows(options.ValidationFraction, foldsFor);
            if (rows >= needed)
                return;
            bool fractionIsTheCause = rows >= MinimumRows(new MineOptions().ValidationFraction, foldsFor);
            string amount = needed > Cap ? $"more than {Cap:N0}" : needed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string advice = fractionIsTheCause
                ? $"MineOptions.ValidationFraction = {options.ValidationFraction} holds out too few rows; raise it (default {new MineOptions().ValidationFraction}) or add rows."
                : "Add rows.";
            throw context.Process(new InvalidOperationException(
                $"MINE needs at least {amount} usable rows with ValidationFraction={options.ValidationFraction}: {MinTrainingRows} to train on and {MinHeldOutRows} in each held-out part" +
                $"{(foldsFor(rows) > 1 ? " of every cross-fitting fold" : "")}. Got {rows} ({skipped} skipped for missing values). {advice}"));
        }

        /// <summary>The fewest rows that leave enough training rows and enough rows held out (in every fold when cross-fitting).</summary>
        internal static int MinimumRows(double validationFraction, Func<int, int> foldsFor)
        {
            for (int rows = 2; rows <= Cap; rows++)
            {
                int folds = foldsFor(rows);
                var (training, monitoring, estimation) = folds == 1
                    ? SampleSplit.Sizes(rows, validationFraction)
                    : SampleSplit.CrossFitSizes(rows, folds, validationFraction);
                if (training >= MinTrainingRows && monitoring >= MinHeldOutRows && estimation >= MinHeldOutRows)
                    return rows;
            }
            return Cap + 1;
        }
    }
}
