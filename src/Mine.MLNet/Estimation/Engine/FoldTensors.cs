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

        /// <summary>X's dimensions as the networks see them (one more than the samples' when its mean square is appended).</summary>
        public int XWidth { get; private init; }

        /// <summary>Z's dimensions as the networks see them.</summary>
        public int ZWidth { get; private init; }

        /// <summary>
        /// Scales and copies the rows of <paramref name="split"/> to <paramref name="device"/>. With
        /// <paramref name="meanSquares"/>, each continuous side of two or more dimensions gets its rows' mean square as one
        /// more dimension (<see cref="MeanSquareAppender"/>), X's last.
        /// </summary>
        public static FoldTensors Create(PairedSamples samples, SampleSplit split, bool gaussianize, Device device, bool meanSquares = false)
        {
            // A discrete Z (few distinct values) gets an exact marginal term; its values are only standardised.
            DiscreteMarginal discreteZ = DiscreteMarginal.Detect(samples.Z, samples.ZWidth);
            IDimensionScaler xScale = Scaler(samples.X, samples.XWidth, split.Training, gaussianize);
            IDimensionScaler zScale = Scaler(samples.Z, samples.ZWidth, split.Training, gaussianize && discreteZ == null);
            bool xSquare = meanSquares && samples.XWidth >= 2, zSquare = meanSquares && samples.ZWidth >= 2 && discreteZ == null;
            IDimensionScaler xSeen = xSquare ? MeanSquareAppender.Fit(xScale, samples.X, samples.XWidth, split.Training, (d, r) => Scaler(d, 1, r, gaussianize)) : xScale;
            IDimensionScaler zSeen = zSquare ? MeanSquareAppender.Fit(zScale, samples.Z, samples.ZWidth, split.Training, (d, r) => Scaler(d, 1, r, gaussianize)) : zScale;
            int xWidth = samples.XWidth + (xSquare ? 1 : 0), zWidth = samples.ZWidth + (zSquare ? 1 : 0);
            Tensor Rows(IDimensionScaler scale, float[] data, int width, int[] rows)
            {
                float[] scaled = scale.Transform(data, rows);
                return tensor(scaled, new long[] { scaled.Length / width, width }, device: device);
            }
            return new FoldTensors
            {
                XWidth = xWidth,
                ZWidth = zWidth,
                XTraining = Rows(xSeen, samples.X, xWidth, split.Training),
                ZTraining = Rows(zSeen, samples.Z, zWidth, split.Training),
                XMonitoring = Rows(xSeen, samples.X, xWidth, split.Monitoring),
                ZMonitoring = Rows(zSeen, samples.Z, zWidth, split.Monitoring),
                XEstimation = Rows(xSeen, samples.X, xWidth, split.Estimation),
                ZEstimation = Rows(zSeen, samples.Z, zWidth, split.Estimation),
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
