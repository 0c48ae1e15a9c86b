using System;

namespace Mine.MLNet.Data.Scaling
{
    /// <summary>Per-dimension standardisation (x - mean) / sd, fitted on training rows only.</summary>
    internal sealed class Standardizer : IDimensionScaler
    {
        private readonly double[] means;
        private readonly double[] scales;

        private Standardizer(double[] means, double[] scales)
        {
            this.means = means;
            this.scales = scales;
        }

        public int Width => means.Length;

        /// <summary>The per-dimension means, as floats (for exporting the transformation).</summary>
        public float[] Means => Array.ConvertAll(means, m => (float)m);

        /// <summary>The per-dimension scales 1 / sd, as floats (for exporting the transformation).</summary>
        public float[] Scales => Array.ConvertAll(scales, s => (float)s);

        /// <summary>Fits on the rows <paramref name="rows"/> of the row-major <paramref name="data"/>.</summary>
        public static Standardizer Fit(float[] data, int width, int[] rows)
        {
            var means = new double[width];
            var scales = new double[width];
            foreach (int r in rows)
                for (int j = 0; j < width; j++)
                    means[j] += data[(long)r * width + j];
            for (int j = 0; j < width; j++)
                means[j] /= rows.Length;
            foreach (int r in rows)
            {
                for (int j = 0; j < width; j++)
                {
                    double d = data[(long)r * width + j] - means[j];
                    scales[j] += d * d;
                }
            }
            for (int j = 0; j < width; j++)
            {
                double sd = Math.Sqrt(scales[j] / Math.Max(1, rows.Length - 1));
                // A constant dimension carries no information; leave it centred, unscaled.
                scales[j] = sd > 0 ? 1.0 / sd : 1.0;
            }
            return new Standardizer(means, scales);
        }

        /// <summary>The standardised rows <paramref name="rows"/> of <paramref name="data"/>, row-major.</summary>
        public float[] Transform(float[] data, int[] rows)
        {
            int width = Width;
            var result = new float[(long)rows.Length * width];
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < width; j++)
                    result[(long)i * width + j] = (float)((data[(long)rows[i] * width + j] - means[j]) * scales[j]);
            return result;
        }
    }
}
