using System;
using System.Linq;
using Mine.MLNet.Data;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// The three parts of one split as tensors, each side scaled by a map fitted on the training rows (marginal
    /// Gaussianisation or standardisation), and, when Z is discrete, its categories for the exact marginal term.
    /// </summary>
    internal sealed class FoldTensors : IDisposable
    {
        private FoldTensors()
        {
        }

        public Tensor XTraining { get; private init; }

        public Tensor ZTraining { get; private init; }

        public Tensor XMonitoring { get; private init; }

        public Tensor ZMonitoring { get; private init; }

        public Tensor XEstimation { get; private init; }

        public Tensor ZEstimation { get; private init; }

        /// <summary>The categories of a discrete Z with their training frequencies; null when Z is continuous.</summary>
        public DiscreteMarginalTensors Categories { get; private init; }

        /// <summary>Each early-stopping row's category when Z is discrete, else null.</summary>
        public int[] MonitoringCategories { get; private init; }

        /// <summary>Each estimation row's category when Z is discrete, else null.</summary>
        public int[] EstimationCategories { get; private init; }

        /// <summary>Scales and copies the rows of <paramref name="split"/> to <paramref name="device"/>.</summary>
        public static FoldTensors Create(PairedSamples samples, SampleSplit split, bool gaussianize, Device device)
        {
            // A discrete Z (few distinct values) gets an exact marginal term; its values are only standardised.
            DiscreteMarginal discreteZ = DiscreteMarginal.Detect(samples.Z, samples.ZWidth);
            IDimensionScaler xScale = Scaler(samples.X, samples.XWidth, split.Training, gaussianize);
            IDimensionScaler zScale = Scaler(samples.Z, samples.ZWidth, split.Training, gaussianize && discreteZ == null);
            Tensor Rows(IDimensionScaler scale, float[] data, int width, int[] rows)
            {
                float[] scaled = scale.Transform(data, rows);
                return tensor(scaled, new long[] { scaled.Length / width, width }, device: device);
            }
            return new FoldTensors
            {
                XTraining = Rows(xScale, samples.X, samples.XWidth, split.Training),
                ZTraining = Rows(zScale, samples.Z, samples.ZWidth, split.Training),
                XMonitoring = Rows(xScale, samples.X, samples.XWidth, split.Monitoring),
                ZMonitoring = Rows(zScale, samples.Z, samples.ZWidth, split.Monitoring),
                XEstimation = Rows(xScale, samples.X, samples.XWidth, split.Estimation),
                ZEstimation = Rows(zScale, samples.Z, samples.ZWidth, split.Estimation),
                Categories = discreteZ == null ? null : new DiscreteMarginalTensors(
                    zScale.Transform(discreteZ.Categories, Enumerable.Range(0, discreteZ.Count).ToArray()), samples.ZWidth,
                    discreteZ.Frequencies(split.Training), device),
                MonitoringCategories = discreteZ?.CategoriesOf(split.Monitoring),
                EstimationCategories = discreteZ?.CategoriesOf(split.Estimation),
            };
        }

        /// <summary>Marginal Gaussianisation (or standardisation) of one side, fitted on the training rows.</summary>
        private static IDimensionScaler Scaler(float[] data, int width, int[] training, bool gaussianize)
            => gaussianize ? MarginalGaussianizer.Fit(data, width, training) : Standardizer.Fit(data, width, training);

        public void Dispose()
        {
            foreach (Tensor t in new[] { XTraining, ZTraining, XMonitoring, ZMonitoring, XEstimation, ZEstimation })
                t.Dispose();
            Categories?.Dispose();
        }
    }
}
