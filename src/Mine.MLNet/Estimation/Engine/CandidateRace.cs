using System;
using System.Linq;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// Racing for the top k (successive elimination): a candidate stops training once each of the k best is clearly
    /// above it, by more than z standard errors of the paired difference of their early-stopping bounds. All bounds
    /// come from the same early-stopping rows, so the difference's error cancels the noise they share (two networks
    /// that both see a strong kept feature agree on most of it). Training steps then go to the candidates near the
    /// boundary instead of to clear losers.
    /// </summary>
    internal static class CandidateRace
    {
        /// <summary>Standard errors of the difference (one-sided, about 1 in 1,000).</summary>
        public const double Z = 3.0;

        /// <summary>A candidate is judged only after this many training steps (its network has had time to learn).</summary>
        public const int MinimumSteps = 300;

        /// <summary>
        /// Which candidates are out of the race for the best <paramref name="race"/>.TopK among the candidates from
        /// <paramref name="race"/>.FirstRacer on, given each one's best early-stopping bound (Nats 0 and SE 0 before it
        /// beats the constant T) and the steps it has trained. Candidates before FirstRacer always train on.
        /// </summary>
        public static bool[] OutOfTheRace(BoundEvaluation[] best, int[] steps, CandidateRaceSettings race)
        {
            var outOfRace = new bool[best.Length];
            if (race.TopK <= 0 || race.TopK >= best.Length - race.FirstRacer)
                return outOfRace;
            int[] leaders = Enumerable.Range(race.FirstRacer, best.Length - race.FirstRacer)
                .OrderByDescending(k => best[k].Nats).ThenBy(k => k).Take(race.TopK).ToArray();
            for (int k = race.FirstRacer; k < best.Length; k++)
            {
                outOfRace[k] = steps[k] >= MinimumSteps && !leaders.Contains(k)
                    && leaders.All(j => best[j].Nats - best[k].Nats > Z * BoundEvaluation.StandardErrorOfDifference(best[j], best[k]));
            }
            return outOfRace;
        }
    }
}
