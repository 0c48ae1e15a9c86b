using System;
using System.Linq;

namespace Mine.MLNet.Data.Scaling
{
    /// <summary>
    /// A side's scaled dimensions with one more appended: the row's mean square over them, itself scaled by a map fitted on
    /// the training rows. An invertible map of the row (the appended value is a function of the others), so mutual
    /// information does not change; it hands the statistics network the radius that a shared scale puts all the
    /// dependence in (a multivariate Student-t: X and Z uncorrelated, dependent only through one chi-square draw), which
    /// a ReLU network would otherwise have to build from squares of every coordinate.
    /// </summary>
    internal sealed class MeanSquareAppender : IDimensionScaler
    {
        private readonly IDimensionScaler dimensions;
        private readonly IDimensionScaler meanSquare;
        private readonly int width;

        private MeanSquareAppender(IDimensionScaler dimensions, IDimensionScaler meanSquare, int width)
        {
            this.dimensions = dimensions;
            this.meanSquare = meanSquare;
            this.width = width;
        }

        /// <summary>
        /// Wraps <paramref name="dimensions"/> (fitted on <paramref name="training"/>); <paramref name="fit"/> fits the
        /// appended value's map on the training rows' mean squares.
        /// </summary>
        public static MeanSquareAppender Fit(IDimensionScaler dimensions, float[] data, int width, int[] training, Func<float[], int[], IDimensionScaler> fit)
        {
            float[] squares = MeanSquares(dimensions.Transform(data, training), width);
            return new MeanSquareAppender(dimensions, fit(squares, Enumerable.Range(0, squares.Length).ToArray()), width);
        }

        /// <inheritdoc/>
        public float[] Transform(float[] data, int[] rows)
        {
            float[] scaled = dimensions.Transform(data, rows);
            float[] square = meanSquare.Transform(MeanSquares(scaled, width), Enumerable.Range(0, rows.Length).ToArray());
            var result = new float[(long)rows.Length * (width + 1)];
            for (int i = 0; i < rows.Length; i++)
            {
                Array.Copy(scaled, (long)i * width, result, (long)i * (width + 1), width);
                result[(long)i * (width + 1) + width] = square[i];
            }
            return result;
        }

        private static float[] MeanSquares(float[] scaled, int width)
        {
            var squares = new float[scaled.Length / width];
            for (int i = 0; i < squares.Length; i++)
            {
                double sum = 0;
                for (int j = 0; j < width; j++)
                {
                    double v = scaled[(long)i * width + j];
                    sum += v * v;
                }
                squares[i] = (float)(sum / width);
            }
            return squares;
        }
    }
}
