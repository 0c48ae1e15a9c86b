using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Native;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// Adam (Kingma and Ba, 2015) with bias-corrected moments, its arithmetic done by <see cref="ScalarArithmetic"/>,
    /// which keeps every libtorch Scalar alive until its native call returns. TorchSharp's own <c>optim.Adam</c>
    /// passes implicitly converted Scalars and crashed a long benchmark run. Defaults match what
    /// <c>optim.Adam(parameters, lr)</c> used before: beta1 0.9, beta2 0.999, epsilon 1e-8, and the same arithmetic, so results are bit-identical.
    /// </summary>
    internal sealed class AdamOptimizer : IDisposable
    {
        private readonly Parameter[] parameters;
        private readonly Tensor[] firstMoments;
        private readonly Tensor[] secondMoments;
        private readonly double beta1;
        private readonly double beta2;
        private readonly double epsilon;
        private long steps;

        public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        {
            this.parameters = parameters.ToArray();
            LearningRate = learningRate;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }

        private AdamOptimizer(AdamOptimizer from, IEnumerable<Parameter> parameters, Tensor positions)
        {
            this.parameters = parameters.ToArray();
            LearningRate = from.LearningRate;
            beta1 = from.beta1;
            beta2 = from.beta2;
            epsilon = from.epsilon;
            steps = from.steps;
            firstMoments = from.firstMoments.Select(m => m.index_select(0, positions).DetachFromDisposeScope()).ToArray();
            secondMoments = from.secondMoments.Select(v => v.index_select(0, positions).DetachFromDisposeScope()).ToArray();
        }

        /// <summary>
        /// The optimizer of a subset of batched networks: <paramref name="parameters"/> correspond one to one to this
        /// optimizer's, each the slices at <paramref name="positions"/> (dimension 0); the moments and step count carry over,
        /// so the kept networks train on exactly as they would have.
        /// </summary>
        public AdamOptimizer Subset(IEnumerable<Parameter> parameters, Tensor positions) => new AdamOptimizer(this, parameters, positions);

        /// <summary>The step size of the next <see cref="Step"/>; a schedule may change it between steps.</summary>
        public double LearningRate { get; set; }

        /// <summary>Sets every parameter's gradient to zero.</summary>
        public void ZeroGrad()
        {
            using var scope = NewDisposeScope();
            foreach (Parameter parameter in parameters)
                parameter.grad?.zero_();
        }

        /// <summary>One update from the current gradients; parameters without a gradient are left as they are.</summary>
        public void Step()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            steps++;
            double correction1 = 1 - Math.Pow(beta1, steps);
            double correction2 = 1 - Math.Pow(beta2, steps);
            double rootCorrection2 = Math.Sqrt(correction2);
            double stepSize = -(LearningRate / correction1);
            for (int i = 0; i < parameters.Length; i++)
            {
                Tensor gradient = parameters[i].grad;
                if (gradient is null)
                    continue;
                // m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
                ScalarArithmetic.ScaleAndAddInPlace(firstMoments[i], beta1, gradient, 1 - beta1);
                ScalarArithmetic.ScaleAndAddProductInPlace(secondMoments[i], beta2, gradient, gradient, 1 - beta2);
                // theta -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
                Tensor denominator = ScalarArithmetic.DivideAndAddInPlace(secondMoments[i].sqrt(), rootCorrection2, epsilon);
                ScalarArithmetic.AddQuotientInPlace(parameters[i], firstMoments[i], denominator, stepSize);
            }
        }

        public void Dispose()
        {
            foreach (Tensor moment in firstMoments.Concat(secondMoments))
                moment.Dispose();
        }
    }
}
