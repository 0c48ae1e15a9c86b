using System;

namespace Mine.MLNet.Samples
{
    /// <summary>
    /// Sizes for the samples. They run at full size by default; with the environment variable MINE_QUICK=1
    /// (set by the test suite) they run a few steps on fewer rows, so CI can run every sample on every build.
    /// The expected outputs in the samples are those of the full runs.
    /// </summary>
    public static class SampleScale
    {
        /// <summary>True when MINE_QUICK=1.</summary>
        public static bool Quick => Environment.GetEnvironmentVariable("MINE_QUICK") == "1";

        /// <summary><paramref name="full"/> MINE training steps, or at most 50 when quick.</summary>
        public static int Steps(int full) => Quick ? Math.Min(full, 50) : full;

        /// <summary><paramref name="full"/> rows, or at most 2,000 when quick.</summary>
        public static int Rows(int full) => Quick ? Math.Min(full, 2000) : full;

        /// <summary><paramref name="full"/> training epochs, or 1 when quick.</summary>
        public static int Epochs(int full) => Quick ? 1 : full;
    }
}
