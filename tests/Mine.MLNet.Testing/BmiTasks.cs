using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// The 40 tasks of the "Beyond Normal" benchmark (shared/reference/bmi-benchmark.md; reference code
    /// cbg-ethz/bmi, src/bmi/benchmark/task_list.py), with every truth computed from its formula.
    /// </summary>
    public static class BmiTasks
    {
        /// <summary>Correlation of the bivariate normal behind the 1x1 tasks and the Swiss roll.</summary>
        public const double BivariateRho = 0.75;

        /// <summary>All 40 tasks, in the reference table's order.</summary>
        public static IReadOnlyList<BmiTask> All { get; } = Build();

        private static List<BmiTask> Build()
        {
            BmiTask bivariate = Gaussian("Bivariate normal 1x1", 1, 1, (i, j) => i == 0 && j == 1 ? BivariateRho : 0);
            var tasks = new List<BmiTask>
            {
                bivariate,
                bivariate.MapEach("Uniform 1x1", Phi),
                AdditiveNoise(0.10),
                AdditiveNoise(0.75),
                bivariate.Map("Bimodal 1x1",
                    x => new[] { BimodalX.Quantile(Phi(x[0])) }, y => new[] { BimodalY.Quantile(Phi(y[0])) }),
                bivariate.Map("Wiggly 1x1", x => new[] { WigglyX(x[0]) }, y => new[] { WigglyY(y[0]) }),
                bivariate.MapEach("Half-cube 1x1", HalfCube),
                StudentT(1, 1, 1),
                StudentT(1, 1, 1).MapEach("Asinh of Student-t 1x1, nu 1", Math.Asinh),
                bivariate.Map("Swiss roll 2x1", x => SwissRoll(Phi(x[0])), y => y, xDimensions: 2),
            };
            foreach (int d in new[] { 2, 3, 5, 25, 50 })
                tasks.Add(Gaussian($"Multinormal dense {d}x{d}", d, d, (i, j) => 0.5));
            foreach (int d in new[] { 2, 3, 5, 25 })
                tasks.Add(TwoPair(d));
            foreach ((int d, int nu) in new[] { (2, 1), (2, 2), (3, 2), (3, 3), (5, 2), (5, 3) })
                tasks.Add(StudentT(d, d, nu));
            foreach (int d in new[] { 3, 5, 25 })
                tasks.Add(TwoPair(d).MapEach($"Phi of 2-pair {d}x{d}", Phi));
            foreach (int d in new[] { 3, 5, 25 })
                tasks.Add(TwoPair(d).MapEach($"Half-cube of 2-pair {d}x{d}", HalfCube));
            foreach (int d in new[] { 3, 5, 25 })
                tasks.Add(TwoPair(d).Map($"Spiral of 2-pair {d}x{d}", x => Spiral(x, 0, 1), y => Spiral(y, 1, 2)));
            foreach (int d in new[] { 3, 5, 25 })
            {
                tasks.Add(TwoPair(d).Map($"Spiral of Phi of 2-pair {d}x{d}",
                    x => Spiral(Array.ConvertAll(x, Phi), 0, 1), y => Spiral(Array.ConvertAll(y, Phi), 1, 2)));
            }
            foreach ((int d, int nu) in new[] { (2, 1), (3, 2), (5, 2) })
                tasks.Add(StudentT(d, d, nu).MapEach($"Asinh of Student-t {d}x{d}, nu {nu}", Math.Asinh));
            return tasks;
        }

        /// <summary>
        /// A multivariate normal (X, Y) with unit variances and correlation <paramref name="correlation"/>(i, j) between
        /// joint coordinates i &lt; j (X first): MI = 1/2 [ln det S_XX + ln det S_YY - ln det S].
        /// </summary>
        public static BmiTask Gaussian(string name, int dx, int dy, Func<int, int, double> correlation)
        {
            int d = dx + dy;
            Matrix<double> s = Matrix<double>.Build.Dense(d, d, (i, j) => i == j ? 1 : correlation(Math.Min(i, j), Math.Max(i, j)));
            double truth = 0.5 * (s.SubMatrix(0, dx, 0, dx).Cholesky().DeterminantLn
                + s.SubMatrix(dx, dy, dx, dy).Cholesky().DeterminantLn - s.Cholesky().DeterminantLn);
            Matrix<double> factor = s.Cholesky().Factor;
            return new BmiTask(name, dx, dy, truth, (rows, random) =>
            {
                var x = new double[rows][];
                var y = new double[rows][];
                for (int r = 0; r < rows; r++)
                {
                    Vector<double> g = Vector<double>.Build.Dense(d, _ => Normal.Sample(random, 0, 1));
                    double[] joint = (factor * g).ToArray();
                    x[r] = joint[..dx];
                    y[r] = joint[dx..];
                }
                return (x, y);
            });
        }

        /// <summary>corr(X1, Y1) = corr(X2, Y2) = 0.8, every other coordinate independent: MI = -ln(1 - 0.64).</summary>
        public static BmiTask TwoPair(int d)
            => Gaussian($"Multinormal 2-pair {d}x{d}", d, d, (i, j) => (i, j) == (0, d) || (i, j) == (1, d + 1) ? 0.8 : 0);

        /// <summary>
        /// Multivariate Student-t with identity dispersion: (X, Y) = G / sqrt(W / nu), one chi^2_nu draw W per row.
        /// MI = h(dx) + h(dy) - h(dx + dy), h(k) = lnG(nu/2) - lnG((nu+k)/2) + (k/2) ln(nu pi) + ((nu+k)/2)[psi((nu+k)/2) - psi(nu/2)].
        /// </summary>
        public static BmiTask StudentT(int dx, int dy, int nu)
        {
            double H(int k) => SpecialFunctions.GammaLn(nu / 2.0) - SpecialFunctions.GammaLn((nu + k) / 2.0) + k / 2.0 * Math.Log(nu * Math.PI)
                + (nu + k) / 2.0 * (SpecialFunctions.DiGamma((nu + k) / 2.0) - SpecialFunctions.DiGamma(nu / 2.0));
            return new BmiTask($"Student-t {dx}x{dy}, nu {nu}", dx, dy, H(dx) + H(dy) - H(dx + dy), (rows, random) =>
            {
                var x = new double[rows][];
                var y = new double[rows][];
                for (int r = 0; r < rows; r++)
                {
                    double scale = 1 / Math.Sqrt(ChiSquared.Sample(random, nu) / nu);
                    x[r] = Enumerable.Range(0, dx).Select(_ => Normal.Sample(random, 0, 1) * scale).ToArray();
                    y[r] = Enumerable.Range(0, dy).Select(_ => Normal.Sample(random, 0, 1) * scale).ToArray();
                }
                return (x, y);
            });
        }

        /// <summary>X ~ U(0, 1), Y = X + U(-eps, eps): MI = eps - ln(2 eps) for eps &lt;= 1/2, else 1 / (4 eps).</summary>
        public static BmiTask AdditiveNoise(double epsilon)
        {
            double truth = epsilon <= 0.5 ? epsilon - Math.Log(2 * epsilon) : 1 / (4 * epsilon);
            return new BmiTask($"Additive noise 1x1, eps {epsilon:0.00}", 1, 1, truth, (rows, random) =>
            {
                var x = new double[rows][];
                var y = new double[rows][];
                for (int r = 0; r < rows; r++)
                {
                    double u = random.NextDouble();
                    x[r] = new[] { u };
                    y[r] = new[] { u + epsilon * (2 * random.NextDouble() - 1) };
                }
                return (x, y);
            });
        }

        /// <summary>The standard normal CDF.</summary>
        public static double Phi(double t) => Normal.CDF(0, 1, t);

        /// <summary>t sqrt(|t|).</summary>
        public static double HalfCube(double t) => t * Math.Sqrt(Math.Abs(t));

        private static double WigglyX(double x) => x + 0.4 * Math.Sin(x) + 0.2 * Math.Sin(1.7 * x + 1) + 0.03 * Math.Sin(3.3 * x - 2.5);

        private static double WigglyY(double y) => y - 0.4 * Math.Sin(0.4 * y) + 0.17 * Math.Sin(1.3 * y + 3.5) + 0.02 * Math.Sin(4.3 * y - 2.5);

        private static readonly Mixture BimodalX = new(new[] { 0.3, 0.7 }, new[] { 0.0, 5.0 });
        private static readonly Mixture BimodalY = new(new[] { 0.5, 0.5 }, new[] { -1.0, 3.0 });

        /// <summary>u in (0, 1) to the Swiss roll: t = 1.5 pi (1 + 2u), (t cos t, t sin t) / 21.</summary>
        private static double[] SwissRoll(double u)
        {
            double t = 1.5 * Math.PI * (1 + 2 * u);
            return new[] { t * Math.Cos(t) / 21, t * Math.Sin(t) / 21 };
        }

        /// <summary>x -> exp(A |x|^2 / dim) x, A the rotation generator of the plane (i, j): a rotation by |x|^2 / dim.</summary>
        private static double[] Spiral(double[] x, int i, int j)
        {
            double angle = x.Sum(v => v * v) / x.Length;
            var result = (double[])x.Clone();
            result[i] = Math.Cos(angle) * x[i] - Math.Sin(angle) * x[j];
            result[j] = Math.Sin(angle) * x[i] + Math.Cos(angle) * x[j];
            return result;
        }

        /// <summary>A mixture of unit-variance normals, with its quantile function by bisection.</summary>
        private sealed class Mixture
        {
            private readonly double[] weights;
            private readonly double[] means;

            public Mixture(double[] weights, double[] means)
            {
                this.weights = weights;
                this.means = means;
            }

            public double Quantile(double p)
            {
                double low = means.Min() - 12, high = means.Max() + 12;
                for (int i = 0; i < 100; i++)
                {
                    double mid = 0.5 * (low + high);
                    double cdf = weights.Select((w, k) => w * Normal.CDF(means[k], 1, mid)).Sum();
                    if (cdf < p) low = mid; else high = mid;
                }
                return 0.5 * (low + high);
            }
        }
    }
}
