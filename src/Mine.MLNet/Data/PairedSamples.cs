using System;

namespace Mine.MLNet.Data
{
    /// <summary>Rows of paired samples (x_i, z_i), stored row-major as floats.</summary>
    internal sealed class PairedSamples
    {
        public PairedSamples(float[] x, int xWidth, float[] z, int zWidth)
        {
            if (x.Length % xWidth != 0 || z.Length % zWidth != 0 || x.Length / xWidth != z.Length / zWidth)
                throw new ArgumentException("x and z must hold the same number of whole rows.");
            X = x;
            Z = z;
            XWidth = xWidth;
            ZWidth = zWidth;
            Rows = x.Length / xWidth;
        }

        public float[] X { get; }

        public float[] Z { get; }

        public int XWidth { get; }

        public int ZWidth { get; }

        public int Rows { get; }

        /// <summary>The same rows with only X's dimensions <paramref name="dimensions"/>, in that order.</summary>
        public PairedSamples WithXDimensions(int[] dimensions)
        {
            var x = new float[(long)Rows * dimensions.Length];
            for (int i = 0; i < Rows; i++)
                for (int j = 0; j < dimensions.Length; j++)
                    x[(long)i * dimensions.Length + j] = X[(long)i * XWidth + dimensions[j]];
            return new PairedSamples(x, dimensions.Length, Z, ZWidth);
        }
    }
}
