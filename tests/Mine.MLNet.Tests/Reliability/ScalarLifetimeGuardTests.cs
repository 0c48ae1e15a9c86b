using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Tests.Reliability
{
    /// <summary>
    /// Keeps Mine.MLNet free of native use-after-free through TorchSharp Scalars: reads Mine.MLNet.dll's IL and fails,
    /// naming the method, on an implicit Scalar conversion, a call to a TorchSharp method that creates a Scalar
    /// internally, or a Scalar created anywhere but <see cref="ScalarArithmetic"/>.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class ScalarLifetimeGuardTests
    {
        private const string ScalarArithmeticType = "Mine.MLNet.Native.ScalarArithmetic";
        // A using statement compiles to a call of IDisposable.Dispose; an explicit call names Scalar.Dispose.
        private static readonly string[] DisposeCalls = { "TorchSharp.Scalar::Dispose()", "System.IDisposable::Dispose()" };

        private static IlCallGraph torchSharp;
        private static IlCallGraph mine;
        private static TorchSharpScalarHazards hazards;

        [ClassInitialize]
        public static void ReadAssemblies(TestContext context)
        {
            torchSharp = IlCallGraph.Read(typeof(torch).Assembly.Location);
            mine = IlCallGraph.Read(typeof(MineOptions).Assembly.Location);
            hazards = TorchSharpScalarHazards.FromTorchSharp(torchSharp);
        }

        [TestMethod]
        public void TheAnalysisFindsEveryHazardKnownFromTorchSharpsSourceAndFromCrashes()
        {
            foreach ((string method, string why) in TorchSharpScalarHazards.KnownHazards)
                Assert.IsTrue(hazards.Hazards.Contains(method), $"The IL analysis missed {method} ({why}).");
            Assert.IsTrue(hazards.Factories.Contains("TorchSharp.ScalarExtensionMethods::ToScalar(Double)"));
            // Calls that make no Scalar must not be flagged, or the guard would forbid everything.
            foreach (string clean in new[]
            {
                "TorchSharp.torch+Tensor::add(TorchSharp.torch+Tensor,TorchSharp.Scalar)",
                "TorchSharp.torch+Tensor::op_Subtraction(TorchSharp.torch+Tensor,TorchSharp.torch+Tensor)",
                "TorchSharp.torch::bmm(TorchSharp.torch+Tensor,TorchSharp.torch+Tensor)",
            })
                Assert.IsFalse(hazards.Hazards.Contains(clean), $"{clean} creates no Scalar.");
        }

        [TestMethod]
        public void TheGuardFlagsAnImplicitConversionAndAHazardousOperator()
        {
            // The two shapes of the original bug, compiled into this test assembly, must be caught.
            IlCallGraph tests = IlCallGraph.Read(typeof(ScalarLifetimeGuardTests).Assembly.Location);
            List<string> implicitScalar = Violations(tests).Where(v => v.Contains(nameof(ImplicitScalar))).ToList();
            List<string> tensorSum = Violations(tests).Where(v => v.Contains(nameof(TensorSum))).ToList();
            Assert.IsTrue(implicitScalar.Any(v => v.Contains("op_Implicit")), string.Join("\n", implicitScalar));
            Assert.IsTrue(tensorSum.Any(v => v.Contains("op_Addition")), string.Join("\n", tensorSum));
        }

        [TestMethod]
        public void MineMLNetPassesNoImplicitOrInternallyCreatedScalarToLibtorch()
        {
            List<string> violations = Violations(mine);
            Assert.AreEqual(0, violations.Count, "Scalar lifetime violations:\n" + string.Join("\n", violations));
        }

        [TestMethod]
        public void OnlyScalarArithmeticCreatesScalarsAndEachOfItsMethodsDisposesThem()
        {
            var misplaced = new List<string>();
            foreach ((string method, List<IlCallGraph.CallSite> calls) in mine.CallsByMethod)
            {
                int created = calls.Count(c => hazards.Factories.Contains(c.Target));
                if (created == 0)
                    continue;
                if (!method.StartsWith(ScalarArithmeticType + "::"))
                    misplaced.Add($"{method} creates a Scalar outside {ScalarArithmeticType}");
                // Per-call Scalars are disposed after the native call (the using keeps them alive until then);
                // only the static constructor keeps its Scalar, in a static field that is never collected.
                else if (!method.EndsWith("::.cctor()") && calls.Count(c => DisposeCalls.Contains(c.Target)) < created)
                    misplaced.Add($"{method} creates {created} Scalar(s) but does not dispose each of them");
            }
            Assert.AreEqual(0, misplaced.Count, string.Join("\n", misplaced));
        }

        [TestMethod]
        public void TheTorchSharpModulesMineMLNetUsesHaveScalarFreeForwardPasses()
        {
            // Calls through Module<...>.forward are virtual and not followed by the analysis: check the concrete
            // TorchSharp module types that Mine.MLNet names.
            var moduleTypes = mine.CallsByMethod.Values.SelectMany(c => c)
                .Select(c => c.Target[..c.Target.IndexOf("::")])
                .Where(t => t.StartsWith("TorchSharp.Modules."))
                .Distinct().ToList();
            CollectionAssert.Contains(moduleTypes, "TorchSharp.Modules.Linear");
            var forwards = torchSharp.CallsByMethod.Keys
                .Where(m => moduleTypes.Any(t => m.StartsWith(t + "::forward(")))
                .ToList();
            Assert.IsTrue(forwards.Count > 0);
            var hazardous = forwards.Where(hazards.Hazards.Contains).ToList();
            Assert.AreEqual(0, hazardous.Count, string.Join("\n", hazardous));
        }

        private static List<string> Violations(IlCallGraph assembly)
        {
            var found = new List<string>();
            foreach ((string method, List<IlCallGraph.CallSite> calls) in assembly.CallsByMethod)
            {
                foreach (IlCallGraph.CallSite call in calls)
                {
                    if (TorchSharpScalarHazards.IsImplicitConversion(call.Target))
                        found.Add($"{method} at IL_{call.Offset:x4}: implicit Scalar conversion {call.Target}");
                    else if (hazards.Hazards.Contains(call.Target))
                        found.Add($"{method} at IL_{call.Offset:x4}: {call.Target} creates a Scalar internally");
                }
            }
            return found;
        }

        // Deliberate violations, never called: the guard must flag them (see the test above).
        private static Tensor ImplicitScalar(Tensor t) => t.mul(0.5);

        private static Tensor TensorSum(Tensor a, Tensor b) => a + b;
    }
}
