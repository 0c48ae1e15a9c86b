using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Tests.Estimation.Engine
{
    /// <summary>
    /// Racing for the top k stops only the candidates that are clearly out: never one whose interval reaches the
    /// k-th best's, never one that has not had time to learn, and never one outside the racers.
    /// </summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class CandidateRaceTests
    {
        private static readonly BoundEvaluation Strong = new(0.50, 0.01);
        private static readonly BoundEvaluation Second = new(0.20, 0.01);
        private static readonly BoundEvaluation Noise = new(0.01, 0.005);
        // 0.15 + 3 * 0.02 = 0.21 reaches above the second best's 0.20 - 3 * 0.01 = 0.17: still in the race.
        private static readonly BoundEvaluation Close = new(0.15, 0.02);

        [TestMethod]
        public void OnlyCandidatesClearlyBelowTheKthBestAreOut()
        {
            bool[] out2 = CandidateRace.OutOfTheRace(new[] { Strong, Second, Noise, Close }, new[] { 300, 300, 300, 300 }, new CandidateRaceSettings(2));
            CollectionAssert.AreEqual(new[] { false, false, true, false }, out2);
            // With k = 1 the second best is clearly below the best: out, and the close one too.
            bool[] out1 = CandidateRace.OutOfTheRace(new[] { Strong, Second, Noise, Close }, new[] { 300, 300, 300, 300 }, new CandidateRaceSettings(1));
            CollectionAssert.AreEqual(new[] { false, true, true, true }, out1);
        }

        [TestMethod]
        public void ACandidateTrainedFewerThanTheMinimumStepsStaysIn()
        {
            int young = CandidateRace.MinimumSteps - 1;
            bool[] result = CandidateRace.OutOfTheRace(new[] { Strong, Noise }, new[] { 300, young }, new CandidateRaceSettings(1));
            CollectionAssert.AreEqual(new[] { false, false }, result);
        }

        [TestMethod]
        public void CandidatesBeforeTheFirstRacerNeitherRaceNorSetTheBar()
        {
            // The first network (a Joint round's full subset) scores far above the racers but is not one of them: the bar
            // is the best racer's (0.20 - 3 * 0.01), so that racer stays and only the noise racer is out.
            bool[] result = CandidateRace.OutOfTheRace(new[] { Strong, Second, Noise }, new[] { 300, 300, 300 }, new CandidateRaceSettings(1, FirstRacer: 1));
            CollectionAssert.AreEqual(new[] { false, false, true }, result);
            // Two places for two racers: no race.
            bool[] all = CandidateRace.OutOfTheRace(new[] { Strong, Second, Noise }, new[] { 300, 300, 300 }, new CandidateRaceSettings(2, FirstRacer: 1));
            CollectionAssert.AreEqual(new[] { false, false, false }, all);
        }
    }
}
