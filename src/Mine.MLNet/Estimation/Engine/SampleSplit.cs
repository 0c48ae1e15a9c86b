using System;
using System.Linq;

namespace Mine.MLNet.Estimation.Engine
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

        /// <summary>
        /// <paramref name="folds"/> splits for cross-fitting: the rows are shuffled once and cut into near-equal folds;
        /// split f estimates on fold f, watches early stopping on the next heldOutFraction / 2 of the other rows (in
        /// shuffled order) and trains on the rest. Every row is estimated on exactly once, never by a network that
        /// trained or stopped early on it.
        /// </summary>
        public static SampleSplit[] CrossFit(int rows, int folds, double heldOutFraction, int seed)
        {
            int[] order = Shuffled(rows, seed);
            int monitoring = CrossFitSizes(rows, folds, heldOutFraction).Monitoring;
            var splits = new SampleSplit[folds];
            for (int f = 0; f < folds; f++)
            {
                int start = (int)((long)rows * f / folds), end = (int)((long)rows * (f + 1) / folds);
                int[] rest = order[..start].Concat(order[end..]).ToArray();
                splits[f] = new SampleSplit(rest[monitoring..], rest[..monitoring], order[start..end]);
            }
            return splits;
        }

        /// <summary>The smallest training, monitoring and estimation parts of any cross-fitting split.</summary>
        public static (int Training, int Monitoring, int Estimation) CrossFitSizes(int rows, int folds, double heldOutFraction)
        {
            int monitoring = Math.Max(1, (int)Math.Round(rows * heldOutFraction / 2));
            int smallestFold = rows / folds, largestFold = (rows + folds - 1) / folds;
            return (rows - largestFold - monitoring, monitoring, smallestFold);
        }

        /// <summary>The same training rows, with the early-stopping and estimation parts exchanged.</summary>
        public SampleSplit Swapped() => new SampleSplit(Training, Estimation, Monitoring);

        public static SampleSplit Create(int rows, double heldOutFraction, int seed)
        {
            int[] order = Shuffled(rows, seed);
            var (training, monitoring, _) = Sizes(rows, heldOutFraction);
            return new SampleSplit(
                order[..training],
                order[training..(training + monitoring)],
                order[(training + monitoring)..]);
        }

        /// <summary>
        /// A two-way split for a classifier: round(rows x <paramref name="heldOutFraction"/>) seeded rows held out (for
        /// validation accuracy and the final estimate), the rest for training.
        /// </summary>
        public static (int[] Training, int[] HeldOut) TrainAndHoldOut(int rows, double heldOutFraction, int seed)
        {
            int[] order = Shuffled(rows, seed);
            int held = (int)Math.Round(rows * heldOutFraction);
            return (order[held..], order[..held]);
        }

        private static int[] Shuffled(int rows, int seed)
        {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++)
                order[i] = i;
            new Random(seed).Shuffle(order);
            return order;
        }
    }
}
