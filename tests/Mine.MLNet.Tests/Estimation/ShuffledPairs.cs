using System;
using System.Linq;

namespace Mine.MLNet.Tests.Estimation
{
    /// <summary>Shuffled pairs for tests that score a fixed critic on the product of marginals, as the estimator does.</summary>
    internal static class ShuffledPairs
    {
        /// <summary><paramref name="shuffles"/> random permutations of <paramref name="rows"/> rows, drawn one after the other.</summary>
        public static int[][] Permutations(int rows, int shuffles, Random random)
        {
            var permutations = new int[shuffles][];
            for (int p = 0; p < shuffles; p++)
            {
                permutations[p] = Enumerable.Range(0, rows).ToArray();
                random.Shuffle(permutations[p]);
            }
            return permutations;
        }

        /// <summary>scores[p][i] = <paramref name="critic"/>(i, permutations[p][i]): row i's x against the z of the row it was paired with.</summary>
        public static float[][] Scores(int[][] permutations, Func<int, int, float> critic)
            => permutations.Select(order => Enumerable.Range(0, order.Length).Select(i => critic(i, order[i])).ToArray()).ToArray();
    }
}
