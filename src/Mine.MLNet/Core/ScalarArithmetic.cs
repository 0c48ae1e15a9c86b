using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// Tensor-and-number arithmetic with the libtorch Scalar held alive until the native call returns.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107 turns a .NET number into a finalizable <see cref="Scalar"/> and passes only its handle to
    /// native code. An implicit conversion (<c>tensor * 0.5</c>) leaves nothing referencing the Scalar during the
    /// call, so a garbage collection started by another thread can let the finalizer free it while libtorch
    /// reads it. This happened once in a 30-minute benchmark ("Expected false to be true" from
    /// <c>Scalar::toFloat</c>). Here each Scalar is disposed after the call, which keeps it reachable until then.
    /// </remarks>
    internal static class ScalarArithmetic
    {
        /// <summary><paramref name="tensor"/> + <paramref name="value"/>.</summary>
        public static Tensor Add(Tensor tensor, double value)
        {
            using Scalar scalar = value.ToScalar();
            return tensor.add(scalar);
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

        /// <summary>Uniform values in [-<paramref name="limit"/>, <paramref name="limit"/>) from <paramref name="generator"/>.</summary>
        public static Tensor Uniform(long[] shape, double limit, Generator generator)
            => Subtract(Multiply(rand(shape, generator: generator), 2 * limit), limit);
    }
}
