using System;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// A seeded split of row indices into training rows, early-stopping rows and estimation rows. The
    /// held-out share is divided in two so the reported estimate is never the best of many checks.
    /// </summary>
    internal sealed class SampleSplit
    {
        private SampleSplit(int[] training, int[] monitoring, int[] estimation)
        {
            Training = training;
            Monitoring = monitoring;
            Estimation = estimation;
        }

        public int[] Training { get; }

        public int[] Monitoring { get; }

        public int[] Estimation { get; }

        /// <summary>How many rows of <paramref name="rows"/> go to training and to each held-out part.</summary>
        public static (int Training, int Monitoring, int Estimation) Sizes(int rows, double heldOutFraction)
        {
            int heldOut = (int)Math.Round(rows * heldOutFraction);
            int monitoring = heldOut / 2;
            return (rows - heldOut, monitoring, heldOut - monitoring);
        }

        public static SampleSplit Create(int rows, double heldOutFraction, int seed)
        {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++)
                order[i] = i;
            new Random(seed).Shuffle(order);
            var (training, monitoring, _) = Sizes(rows, heldOutFraction);
            return new SampleSplit(
                order[..training],
                order[training..(training + monitoring)],
                order[(training + monitoring)..]);
        }
    }
}
