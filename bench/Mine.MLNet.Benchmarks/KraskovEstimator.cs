using System;
using System.Threading.Tasks;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// The Kraskov-Stoegbauer-Grassberger estimator (KSG, algorithm 1 of Kraskov et al. 2004), the paper's
    /// non-parametric baseline: I = psi(k) + psi(N) - mean(psi(n_x + 1) + psi(n_z + 1)), with max-norm
    /// distances. Brute force, O(N^2 d), parallel over rows.
    /// </summary>
    public static class KraskovEstimator
    {
        /// <summary>Estimates I(X;Z) in nats from row-major samples.</summary>
        public static double Estimate(float[] x, int xWidth, float[] z, int zWidth, int k = 3)
        {
            int n = x.Length / xWidth;
            var terms = new double[n];
            Parallel.For(0, n, () => (new float[n], new float[n], new float[k]), (i, _, buffers) =>
            {
                var (dx, dz, nearest) = buffers;
                Array.Fill(nearest, float.PositiveInfinity);
                for (int j = 0; j < n; j++)
                {
                    dx[j] = MaxNorm(x, xWidth, i, j);
                    dz[j] = MaxNorm(z, zWidth, i, j);
                    if (j == i)
                        continue;
                    float joint = Math.Max(dx[j], dz[j]);
                    if (joint < nearest[k - 1])
                        Insert(nearest, joint);
                }
                float epsilon = nearest[k - 1];
                int nx = 0, nz = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i)
                        continue;
                    if (dx[j] < epsilon) nx++;
                    if (dz[j] < epsilon) nz++;
                }
                terms[i] = Digamma(nx + 1) + Digamma(nz + 1);
                return buffers;
            }, _ => { });

            double mean = 0;
            foreach (double t in terms)
                mean += t;
            mean /= n;
            return Digamma(k) + Digamma(n) - mean;
        }

        /// <summary>The digamma function psi for x &gt; 0 (recurrence, then the asymptotic series).</summary>
        public static double Digamma(double x)
        {
            double result = 0;
            while (x < 6)
            {
                result -= 1 / x;
                x += 1;
            }
            double inv = 1 / x, inv2 = inv * inv;
            return result + Math.Log(x) - 0.5 * inv - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252)));
        }

        private static float MaxNorm(float[] data, int width, int a, int b)
        {
            float max = 0;
            int oa = a * width, ob = b * width;
            for (int c = 0; c < width; c++)
                max = Math.Max(max, Math.Abs(data[oa + c] - data[ob + c]));
            return max;
        }

        private static void Insert(float[] sorted, float value)
        {
            int p = sorted.Length - 1;
            while (p > 0 && sorted[p - 1] > value)
            {
                sorted[p] = sorted[p - 1];
                p--;
            }
            sorted[p] = value;
        }
    }
}
