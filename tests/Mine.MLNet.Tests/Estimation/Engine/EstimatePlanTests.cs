using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Engine;

namespace Mine.MLNet.Tests.Estimation.Engine
{
    /// <summary>
    /// An estimate's networks: two [71, 71] critics per split with a continuous Z, one [100, 100] with a discrete Z and
    /// for the SMILE fit of a high estimate (which trains one critic, so it must not inherit the two critics' size), and
    /// the user's HiddenLayerSizes in every case.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class EstimatePlanTests
    {
        [TestMethod]
        public void TwoCriticsAreEachSmallerAndOneCriticHasThePapersNetwork()
        {
            var options = new MineOptions();
            FitPlan continuous = FitPlan.ForEstimate(options, 10000);
            FitPlan discrete = FitPlan.ForEstimate(options, 10000, discreteZ: true);
            FitPlan high = AutomaticBound.HighPlan(continuous, options);

            Assert.AreEqual(2, continuous.Critics);
            CollectionAssert.AreEqual(new[] { 71, 71 }, continuous.NetworkSize.HiddenLayers(3));
            Assert.AreEqual(1, discrete.Critics);
            CollectionAssert.AreEqual(new[] { 100, 100 }, discrete.NetworkSize.HiddenLayers(3));
            Assert.AreEqual(1, high.Critics);
            CollectionAssert.AreEqual(new[] { 100, 100 }, high.NetworkSize.HiddenLayers(3));
        }

        [TestMethod]
        public void TheUsersHiddenLayersAreKeptWithAnyNumberOfCritics()
        {
            var options = new MineOptions { HiddenLayerSizes = new[] { 32, 8 } };
            FitPlan continuous = FitPlan.ForEstimate(options, 10000);

            CollectionAssert.AreEqual(new[] { 32, 8 }, continuous.NetworkSize.HiddenLayers(3));
            CollectionAssert.AreEqual(new[] { 32, 8 }, FitPlan.ForEstimate(options, 10000, discreteZ: true).NetworkSize.HiddenLayers(3));
            CollectionAssert.AreEqual(new[] { 32, 8 }, AutomaticBound.HighPlan(continuous, options).NetworkSize.HiddenLayers(3));
        }
    }
}
