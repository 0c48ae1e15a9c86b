using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp;

namespace Mine.MLNet.Tests
{
    [TestClass]
    [TestCategory("Unit")]
    public sealed class TorchSharpLoadingTests
    {
        [TestMethod]
        public void TorchSharpLoadsAndRunsAForwardPass()
        {
            using var x = torch.ones(2, 3);
            using var layer = torch.nn.Linear(3, 1);
            using var y = layer.forward(x);
            Assert.AreEqual(2L, y.shape[0]);
        }
    }
}
