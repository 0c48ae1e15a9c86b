using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Notebooks
{
    /// <summary>
    /// The comparison of a notebook's or sample's output with its stored one: numbers within their tolerances, text exact,
    /// and an inline chart's coordinates within 3% of the chart's width.
    /// </summary>
    [TestClass]
    public sealed class NumericOutputComparerTests
    {
        private const string Bar = "<td>0.0081</td><td><svg width=\"204\" height=\"12\"><rect x=\"0\" y=\"2\" width=\"{0}\" height=\"8\"/></svg></td>";

        [TestMethod]
        [TestCategory("Unit")]
        public void NumbersWithinTheirToleranceMatch()
        {
            Assert.IsNull(NumericOutputComparer.Difference("I = 0.4591 nats, 1200 steps", "I = 0.4700 nats, 1150 steps"));
            StringAssert.Contains(NumericOutputComparer.Difference("I = 0.4591 nats", "I = 0.5000 nats"), "number 1 is 0.5");
            StringAssert.Contains(NumericOutputComparer.Difference("I = 0.4591 nats", "I = 0.4591 bits"), "the text differs");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AChartsCoordinatesAreComparedOnTheChartsWidth()
        {
            // 3% of 204 pixels: a short bar of 3 pixels may be drawn 3.1 or 9 pixels long (its number, 0.0081 nats, is
            // compared in its own cell), not 10.
            Assert.IsNull(NumericOutputComparer.Difference(string.Format(Bar, "3"), string.Format(Bar, "3.1")));
            Assert.IsNull(NumericOutputComparer.Difference(string.Format(Bar, "3"), string.Format(Bar, "9")));
            StringAssert.Contains(NumericOutputComparer.Difference(string.Format(Bar, "3"), string.Format(Bar, "10")), "number 6 is 10");
            // Outside the chart, a number keeps its own tolerance.
            StringAssert.Contains(NumericOutputComparer.Difference(string.Format(Bar, "3"), string.Format(Bar, "3").Replace("0.0081", "0.0500")), "number 1 is 0.05");
        }
    }
}
