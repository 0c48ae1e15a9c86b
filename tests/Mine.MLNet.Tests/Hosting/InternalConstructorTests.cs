using System;
using Microsoft.ML;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Tests.Hosting
{
    /// <summary>An internal constructor is chosen by the types of its arguments, and a missing or ambiguous one fails loudly.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class InternalConstructorTests
    {
        private sealed class TwoOfTheSameLength
        {
            private TwoOfTheSameLength(int number, string text)
            {
                Chosen = $"int {number}, string {text}";
            }

            private TwoOfTheSameLength(string text, int number)
            {
                Chosen = $"string {text}, int {number}";
            }

            private TwoOfTheSameLength(string text, object anything)
            {
                Chosen = $"string {text}, object {anything}";
            }

            public string Chosen { get; }
        }

        [TestMethod]
        public void TheConstructorWhoseParameterTypesFitIsCalled()
        {
            Assert.AreEqual("int 1, string a", InternalConstructor.Invoke<TwoOfTheSameLength>(1, "a").Chosen);
            Assert.AreEqual("string a, object 2.5", InternalConstructor.Invoke<TwoOfTheSameLength>("a", 2.5).Chosen);
        }

        [TestMethod]
        public void AnAmbiguousOrMissingConstructorIsRefused()
        {
            // ("a", 2) fits both (string, int) and (string, object); a third argument fits none.
            var ambiguous = Assert.ThrowsExactly<InvalidOperationException>(() => InternalConstructor.Invoke<TwoOfTheSameLength>("a", 2));
            StringAssert.Contains(ambiguous.Message, "has 2 TwoOfTheSameLength constructor");
            var missing = Assert.ThrowsExactly<InvalidOperationException>(() => InternalConstructor.Invoke<TwoOfTheSameLength>("a", 2, 3));
            StringAssert.Contains(missing.Message, "no TwoOfTheSameLength constructor taking (String, Int32, Int32)");
        }

        [TestMethod]
        public void MLNetsTrainerInfoIsBuiltFromItsSixFlags()
        {
            // (normalization, calibration, caching, supportValid, supportIncrementalTrain, supportTest) in ML.NET 5.0.
            Assert.IsFalse(InternalConstructor.Invoke<TrainerInfo>(false, false, true, false, false, false).NeedNormalization);
            Assert.IsTrue(InternalConstructor.Invoke<TrainerInfo>(false, false, true, false, false, false).WantCaching);
            Assert.IsTrue(InternalConstructor.Invoke<TrainerInfo>(true, false, false, false, false, false).NeedNormalization);
        }
    }
}
