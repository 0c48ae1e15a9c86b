using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// Every TorchSharp operation of Mine.MLNet that needs a libtorch <see cref="Scalar"/>, and the only place that
    /// creates one. Each Scalar is provably alive for the whole native call that reads it.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107 turns a .NET number into a finalizable <see cref="Scalar"/> and passes only its native handle
    /// to libtorch. When nothing references the Scalar during that call (an implicit conversion such as
    /// <c>tensor * 0.5</c>, or one that TorchSharp makes itself, such as the alpha = 1 of <c>Tensor.add(Tensor)</c>
    /// and <c>a + b</c>), a garbage collection on any thread can run its finalizer and free it while libtorch reads
    /// it: a crash ("Expected false to be true" from <c>c10::Scalar::toFloat</c>) or, worse, a silently wrong number.
    /// Here a per-call Scalar is created explicitly and disposed after the call (the <c>using</c> keeps it reachable
    /// until then), and the constant alpha = 1 is one static Scalar that is never collected.
    /// The test <c>ScalarLifetimeGuardTests</c> reads Mine.MLNet.dll's IL and fails on any other Scalar creation, any
    /// implicit conversion, and any call to a TorchSharp method that creates a Scalar internally.
    /// TorchSharp's own fix is open: dotnet/TorchSharp pull request #1434 (dispose the Scalars that Tensor operators
    /// create, since January 2025) and #1496 (dispose implicitly converted Scalars and Tensors, with leak detectors).
    /// When a release carries them, this class and the guard test can be revisited.
    /// </remarks>
    internal static class ScalarArithmetic
    {
        /// <summary>alpha = 1 for add: a static root, so it is never finalized. An integer, as TorchSharp's own default.</summary>
        private static readonly Scalar One = 1.ToScalar();

        /// <summary><paramref name="left"/> + <paramref name="right"/> (Tensor.add with an explicit alpha = 1).</summary>
        public static Tensor Add(Tensor left, Tensor right) => left.add(right, One);

        /// <summary><paramref name="tensor"/> + <paramref name="value"/>.</summary>
        public static Tensor Add(Tensor tensor, double value)
        {
            using Scalar scalar = value.ToScalar();
            return tensor.add(scalar, One);
        }

        /// <summary><paramref name="tensor"/> - <paramref name="value"/>.</summary>
        public static Tensor Subtract(Tensor tensor, double value)
        {
            using Scalar scalar = value.ToScalar();
            return tensor.sub(scalar);
        }

        /// <summary><paramref name="tensor"/> * <paramref name="value"/>.</summary>
        public static Tensor Multiply(Tensor tensor, double value)
        {
            using Scalar scalar = value.ToScalar();
            return tensor.mul(scalar);
        }

        /// <summary><paramref name="tensor"/> clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static Tensor Clamp(Tensor tensor, double min, double max)
        {
            using Scalar low = min.ToScalar();
            using Scalar high = max.ToScalar();
            return tensor.clamp(low, high);
        }

        /// <summary>
        /// softplus(x) = ln(1 + e^x), computed as relu(x) + ln(1 + e^-|x|): exact, overflow-free, and with no Scalar
        /// (TorchSharp's <c>softplus</c> converts its beta and threshold arguments implicitly). It equals libtorch's
        /// softplus for x &lt;= 0 and may differ from it in the last bit for x &gt; 0.
        /// </summary>
        public static Tensor Softplus(Tensor x) => Add(nn.functional.relu(x), x.abs().neg().exp().log1p());

        /// <summary>Uniform values in [-<paramref name="limit"/>, <paramref name="limit"/>) from <paramref name="generator"/>.</summary>
        public static Tensor Uniform(long[] shape, double limit, Generator generator)
        {
            using var scope = NewDisposeScope();
            return Subtract(Multiply(rand(shape, generator: generator), 2 * limit), limit).MoveToOuterDisposeScope();
        }

        /// <summary>In place: <paramref name="tensor"/> = <paramref name="tensor"/> * <paramref name="factor"/> + <paramref name="alpha"/> * <paramref name="other"/>.</summary>
        public static void ScaleAndAddInPlace(Tensor tensor, double factor, Tensor other, double alpha)
        {
            using Scalar scale = factor.ToScalar();
            using Scalar weight = alpha.ToScalar();
            tensor.mul_(scale).add_(other, weight);
        }

        /// <summary>In place: <paramref name="tensor"/> = <paramref name="tensor"/> * <paramref name="factor"/> + <paramref name="value"/> * <paramref name="a"/> * <paramref name="b"/>.</summary>
        public static void ScaleAndAddProductInPlace(Tensor tensor, double factor, Tensor a, Tensor b, double value)
        {
            using Scalar scale = factor.ToScalar();
            using Scalar weight = value.ToScalar();
            tensor.mul_(scale).addcmul_(a, b, weight);
        }

        /// <summary>In place: <paramref name="tensor"/> = <paramref name="tensor"/> / <paramref name="divisor"/> + <paramref name="offset"/>.</summary>
        public static Tensor DivideAndAddInPlace(Tensor tensor, double divisor, double offset)
        {
            using Scalar by = divisor.ToScalar();
            using Scalar plus = offset.ToScalar();
            return tensor.div_(by).add_(plus, One);
        }

        /// <summary>In place: <paramref name="tensor"/> += <paramref name="value"/> * <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
        public static void AddQuotientInPlace(Tensor tensor, Tensor numerator, Tensor denominator, double value)
        {
            using Scalar weight = value.ToScalar();
            tensor.addcdiv_(numerator, denominator, weight);
        }
    }
}
