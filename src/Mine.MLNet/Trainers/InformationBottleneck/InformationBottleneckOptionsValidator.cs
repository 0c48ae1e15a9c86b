using System;
using Microsoft.ML.Runtime;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Trainers.InformationBottleneck
{
    /// <summary>Checks an <see cref="InformationBottleneckOptions"/> and reports the first bad setting as a marked exception.</summary>
    internal static class InformationBottleneckOptionsValidator
    {
        public static void Check(IExceptionContext context, InformationBottleneckOptions options)
        {
            if (options == null)
                throw context.Process(new ArgumentNullException(nameof(options)));
            if (string.IsNullOrEmpty(options.LabelColumnName))
                throw Bad(context, nameof(options.LabelColumnName), options.LabelColumnName, "must name a column");
            if (string.IsNullOrEmpty(options.FeatureColumnName))
                throw Bad(context, nameof(options.FeatureColumnName), options.FeatureColumnName, "must name a column");
            if (!(options.Beta >= 0) || double.IsInfinity(options.Beta))
                throw Bad(context, nameof(options.Beta), options.Beta, "must be a finite number >= 0");
            if (!Enum.IsDefined(options.Encoder))
                throw Bad(context, nameof(options.Encoder), options.Encoder, "is not a BottleneckEncoder value");
            if (!Enum.IsDefined(options.Device))
                throw Bad(context, nameof(options.Device), options.Device, "is not a MineDevice value");
            CheckLayers(context, nameof(options.EncoderHiddenLayerSizes), options.EncoderHiddenLayerSizes);
            CheckLayers(context, nameof(options.StatisticsNetworkHiddenLayerSizes), options.StatisticsNetworkHiddenLayerSizes);
            if (options.StatisticsNetworkHiddenLayerSizes.Length == 0)
                throw Bad(context, nameof(options.StatisticsNetworkHiddenLayerSizes), options.StatisticsNetworkHiddenLayerSizes, "must list at least one hidden layer");
            if (options.BottleneckSize < 1)
                throw Bad(context, nameof(options.BottleneckSize), options.BottleneckSize, "must be at least 1");
            if (!(options.NoiseStandardDeviation >= 0) || double.IsInfinity(options.NoiseStandardDeviation))
                throw Bad(context, nameof(options.NoiseStandardDeviation), options.NoiseStandardDeviation, "must be a finite number >= 0");
            if (!(options.MovingAverageRate > 0 && options.MovingAverageRate <= 1))
                throw Bad(context, nameof(options.MovingAverageRate), options.MovingAverageRate, "must be in (0, 1]");
            if (options.NumberOfEpochs < 1)
                throw Bad(context, nameof(options.NumberOfEpochs), options.NumberOfEpochs, "must be at least 1");
            if (options.BatchSize < 2)
                throw Bad(context, nameof(options.BatchSize), options.BatchSize, "must be at least 2 (MINE's shuffled pairs need two rows)");
            if (!(options.LearningRate > 0) || double.IsInfinity(options.LearningRate))
                throw Bad(context, nameof(options.LearningRate), options.LearningRate, "must be a positive finite number");
            if (!(options.LearningRateDecay > 0 && options.LearningRateDecay <= 1))
                throw Bad(context, nameof(options.LearningRateDecay), options.LearningRateDecay, "must be in (0, 1]");
            if (options.LearningRateDecayEpochs < 1)
                throw Bad(context, nameof(options.LearningRateDecayEpochs), options.LearningRateDecayEpochs, "must be at least 1");
            if (!(options.ParameterAveragingDecay >= 0 && options.ParameterAveragingDecay < 1))
                throw Bad(context, nameof(options.ParameterAveragingDecay), options.ParameterAveragingDecay, "must be in [0, 1)");
            if (options.TrainingTimeLimit is TimeSpan limit && limit <= TimeSpan.Zero)
                throw Bad(context, nameof(options.TrainingTimeLimit), limit, "must be positive (or null for no limit)");
            if (options.EvaluationSamples < 1)
                throw Bad(context, nameof(options.EvaluationSamples), options.EvaluationSamples, "must be at least 1");
            if (options.NumberOfThreads is < 1)
                throw Bad(context, nameof(options.NumberOfThreads), options.NumberOfThreads, "must be at least 1 (or null for automatic)");
            if (!(options.ValidationFraction >= 0 && options.ValidationFraction < 1))
                throw Bad(context, nameof(options.ValidationFraction), options.ValidationFraction, "must be in [0, 1)");
        }

        private static void CheckLayers(IExceptionContext context, string name, int[] sizes)
        {
            if (sizes == null)
                throw Bad(context, name, null, "must not be null");
            foreach (int size in sizes)
            {
                if (size < 1)
                    throw Bad(context, name, size, "must hold positive widths");
            }
        }

        private static Exception Bad(IExceptionContext context, string name, object value, string rule)
            => OptionError.Create(context, nameof(InformationBottleneckOptions), name, value, rule);
    }
}
