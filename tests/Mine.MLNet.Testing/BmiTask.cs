using System;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// One task of the "Beyond Normal" benchmark (Czyz et al., NeurIPS 2023): a joint distribution of (X, Y) with
    /// known mutual information, and a seeded sampler.
    /// </summary>
    public sealed class BmiTask
    {
        private readonly Func<int, Random, (double[][] X, double[][] Y)> sampler;

        /// <summary>A task named <paramref name="name"/> whose <paramref name="sampler"/> draws rows from a generator.</summary>
        public BmiTask(string name, int xDimensions, int yDimensions, double truth, Func<int, Random, (double[][] X, double[][] Y)> sampler)
        {
            Name = name;
            XDimensions = xDimensions;
            YDimensions = yDimensions;
            Truth = truth;
            this.sampler = sampler;
        }

        /// <summary>The task's name, as in the reference table.</summary>
        public string Name { get; }

        /// <summary>Dimensions of X.</summary>
        public int XDimensions { get; }

        /// <summary>Dimensions of Y.</summary>
        public int YDimensions { get; }

        /// <summary>The true mutual information in nats, computed from the task's formula.</summary>
        public double Truth { get; }

        /// <summary><paramref name="rows"/> rows drawn with <paramref name="seed"/>: X[i] and Y[i] are row i.</summary>
        public (double[][] X, double[][] Y) Sample(int rows, int seed) => sampler(rows, new Random(seed));

        /// <summary>The same task with a per-row map of X and one of Y (MI is unchanged by invertible maps).</summary>
        public BmiTask Map(string name, Func<double[], double[]> mapX, Func<double[], double[]> mapY, int? xDimensions = null)
            => new BmiTask(name, xDimensions ?? XDimensions, YDimensions, Truth, (rows, random) =>
            {
                (double[][] x, double[][] y) = sampler(rows, random);
                return (Array.ConvertAll(x, r => mapX(r)), Array.ConvertAll(y, r => mapY(r)));
            });

        /// <summary>The same task with <paramref name="map"/> applied to every coordinate of X and of Y.</summary>
        public BmiTask MapEach(string name, Func<double, double> map)
            => Map(name, r => Array.ConvertAll(r, v => map(v)), r => Array.ConvertAll(r, v => map(v)));

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
