using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Estimation
{
    /// <summary>Checks a <see cref="MineOptions"/> and reports the first bad setting as a marked exception.</summary>
    internal static class MineOptionsValidator
    {
        public static void Check(IExceptionContext context, MineOptions options)
        {
            if (options.Bound is MineBound bound && !Enum.IsDefined(bound))
                throw Bad(context, nameof(MineOptions.Bound), bound, "is not a MineBound value (or null for the automatic choice)");
            if (options.HiddenLayerSizes is { Length: 0 })
                throw Bad(context, nameof(MineOptions.HiddenLayerSizes), options.HiddenLayerSizes, "must list at least one hidden layer (or be null for the automatic size)");
            foreach (int size in options.HiddenLayerSizes ?? Array.Empty<int>())
            {
                if (size < 1)
                    throw Bad(context, nameof(MineOptions.HiddenLayerSizes), size, "must hold positive widths");
            }
            if (options.BatchSize < 2)
                throw Bad(context, nameof(MineOptions.BatchSize), options.BatchSize, "must be at least 2 (shuffled pairs need two rows)");
            if (options.MaxSteps < 1)
                throw Bad(context, nameof(MineOptions.MaxSteps), options.MaxSteps, "must be at least 1");
            if (!(options.LearningRate > 0) || double.IsInfinity(options.LearningRate))
                throw Bad(context, nameof(MineOptions.LearningRate), options.LearningRate, "must be a positive finite number");
            if (!(options.MovingAverageRate > 0 && options.MovingAverageRate <= 1))
                throw Bad(context, nameof(MineOptions.MovingAverageRate), options.MovingAverageRate, "must be in (0, 1]");
            if (!(options.ValidationFraction > 0 && options.ValidationFraction < 1))
                throw Bad(context, nameof(MineOptions.ValidationFraction), options.ValidationFraction, "must be in (0, 1)");
            if (options.EarlyStoppingPatience is < 1)
                throw Bad(context, nameof(MineOptions.EarlyStoppingPatience), options.EarlyStoppingPatience, "must be at least 1");
            if (options.EvaluationInterval is < 1)
                throw Bad(context, nameof(MineOptions.EvaluationInterval), options.EvaluationInterval, "must be at least 1");
            if (!(options.SmileClip > 0) || double.IsInfinity(options.SmileClip))
                throw Bad(context, nameof(MineOptions.SmileClip), options.SmileClip, "must be a positive finite number");
            if (!Enum.IsDefined(options.Device))
                throw Bad(context, nameof(MineOptions.Device), options.Device, "is not a MineDevice value");
            if (options.NumberOfThreads is < 1)
                throw Bad(context, nameof(options.NumberOfThreads), options.NumberOfThreads, "must be at least 1 (or null for automatic)");
            if (options.CrossFittingFolds < 0 || options.CrossFittingFolds > 20)
                throw Bad(context, nameof(MineOptions.CrossFittingFolds), options.CrossFittingFolds, "must be 0 (automatic) or 1 to 20");
        }

        private static Exception Bad(IExceptionContext context, string name, object value, string rule)
            => OptionError.Create(context, nameof(MineOptions), name, value, rule);
    }
}
