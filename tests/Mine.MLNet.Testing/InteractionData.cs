using System;
using System.Linq;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A label that depends on two XOR-like pairs and one main effect: y = 1 when sign(x1 x2) + sign(x3 x4) + x5 plus
    /// noise is above 0, among independent standard normal columns. x1 to x4 each carry no information about y alone,
    /// only in their pairs; x5 carries some on its own. The case in which forward selection from single columns fails.
    /// </summary>
    public static class InteractionData
    {
        /// <summary>The five columns the label depends on.</summary>
        public static readonly string[] Relevant = { "x1", "x2", "x3", "x4", "x5" };

        /// <summary>Rows of <paramref name="columns"/> columns named x1..x5 then noise1.., and 0/1 labels.</summary>
        public static (float[][] Features, int[] Labels, string[] Names) Draw(int rows, int columns, int seed)
        {
            var random = new Random(seed);
            string[] names = Relevant.Concat(Enumerable.Range(1, columns - Relevant.Length).Select(i => "noise" + i)).ToArray();
            var features = new float[rows][];
            var labels = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                float[] x = names.Select(_ => (float)CorrelatedGaussians.Normal(random)).ToArray();
                double score = Math.Sign(x[0] * x[1]) + Math.Sign(x[2] * x[3]) + x[4] + 0.5 * CorrelatedGaussians.Normal(random);
                features[i] = x;
                labels[i] = score > 0 ? 1 : 0;
            }
            return (features, labels, names);
        }
    }
}
