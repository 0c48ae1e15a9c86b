namespace Mine.MLNet.Data.Scaling
{
    /// <summary>A per-dimension map fitted on training rows and applied to any rows of the same row-major data.</summary>
    internal interface IDimensionScaler
    {
        /// <summary>Rows <paramref name="rows"/> of <paramref name="data"/> (row-major), transformed.</summary>
        float[] Transform(float[] data, int[] rows);
    }
}
