using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Tests.Reliability
{
    /// <summary>
    /// The deny-list of the Scalar-lifetime guard, in one place: which TorchSharp methods hand a libtorch Scalar to the
    /// caller (factories) and which create one internally and drop it while native code may still read it (hazards).
    /// </summary>
    /// <remarks>
    /// How the entries are found: from TorchSharp.dll's own IL, not by hand. A <b>factory</b> is every TorchSharp
    /// method whose return type is <c>TorchSharp.Scalar</c> (the <c>ToScalar</c> extensions, the implicit
    /// conversions, <c>Tensor.ToScalar</c>): its caller owns the Scalar. A <b>hazard</b> is every other TorchSharp
    /// method whose body calls a factory or another hazard: it makes a Scalar that nothing holds once its handle has
    /// been passed on, so a garbage collection during the native call may finalize it (conservative: a method that
    /// disposes its Scalar properly is listed too). Virtual calls are not followed into overrides, so the forward
    /// methods of the TorchSharp modules Mine.MLNet uses are checked separately by the guard.
    /// <see cref="KnownHazards"/> lists cases found by reading TorchSharp 0.107's source or by crashes; the guard
    /// asserts that the IL analysis finds each of them, so a broken analysis cannot pass silently.
    /// </remarks>
    internal sealed class TorchSharpScalarHazards
    {
        /// <summary>Hazards found by hand, with where each was found; the analysis must find every one.</summary>
        public static readonly IReadOnlyDictionary<string, string> KnownHazards = new Dictionary<string, string>
        {
            // Source: `public Tensor add(Tensor target) => add(target, 1);` The crash of the reliability issue:
            // StatisticsNetwork.forward's `bmm(h, w) + b`, "Expected false to be true" from c10::Scalar::toFloat.
            ["TorchSharp.torch+Tensor::add(TorchSharp.torch+Tensor)"] = "alpha = 1 converted implicitly",
            // Source: `operator +(Tensor left, Tensor right) => left.add(right)`.
            ["TorchSharp.torch+Tensor::op_Addition(TorchSharp.torch+Tensor,TorchSharp.torch+Tensor)"] = "calls add(Tensor)",
            // Source: `add_(Scalar scalar) => add_(scalar, 1)`; AdamOptimizer's `add_(epsilon)` used it.
            ["TorchSharp.torch+Tensor::add_(TorchSharp.Scalar)"] = "alpha = 1 converted implicitly",
            // Source: `softplus(double beta, double threshold) => softplus1(beta, threshold)` with Scalar parameters.
            ["TorchSharp.torch+Tensor::softplus(Double,Double)"] = "beta and threshold converted implicitly",
            ["TorchSharp.torch+nn+functional::softplus(TorchSharp.torch+Tensor,Double,Double)"] = "calls Tensor.softplus",
            // The crash of the first 200k-row Figure 1 run, inside addcdiv_ under optim.Adam.step.
            ["TorchSharp.Modules.Adam::step(System.Func`1<TorchSharp.torch+Tensor>)"] = "learning rate and betas converted implicitly",
        };

        private TorchSharpScalarHazards(HashSet<string> factories, HashSet<string> hazards)
        {
            Factories = factories;
            Hazards = hazards;
        }

        /// <summary>TorchSharp methods that return a Scalar the caller owns.</summary>
        public IReadOnlySet<string> Factories { get; }

        /// <summary>TorchSharp methods that create a Scalar internally (directly or through another hazard).</summary>
        public IReadOnlySet<string> Hazards { get; }

        /// <summary>The implicit number-to-Scalar conversions: never allowed in Mine.MLNet, whatever the analysis says.</summary>
        public static bool IsImplicitConversion(string method) => method.StartsWith("TorchSharp.Scalar::op_Implicit(");

        /// <summary>Reads TorchSharp.dll and computes both lists.</summary>
        public static TorchSharpScalarHazards FromTorchSharp(IlCallGraph torchSharp)
        {
            var factories = new HashSet<string>(torchSharp.ReturnTypes.Where(m => m.Value == "TorchSharp.Scalar").Select(m => m.Key));
            var hazards = new HashSet<string>();
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach ((string method, List<IlCallGraph.CallSite> calls) in torchSharp.CallsByMethod)
                {
                    if (factories.Contains(method) || hazards.Contains(method))
                        continue;
                    if (calls.Any(c => factories.Contains(c.Target) || hazards.Contains(c.Target)))
                        grew = hazards.Add(method);
                }
            }
            return new TorchSharpScalarHazards(factories, hazards);
        }
    }
}
