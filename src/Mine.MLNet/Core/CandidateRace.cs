using System;
using System.Linq;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// Racing for the top k (successive elimination): a candidate stops training once even an optimistic view of its
    /// early-stopping bound, best + z SE, falls below a pessimistic view of the k-th best, the k-th largest best - z SE.
    /// Training steps then go to the candidates near the boundary instead of to clear losers.
    /// </summary>
    internal static class CandidateRace
    {
        /// <summary>Standard errors on each side of the comparison (one-sided, about 1 in 1,000 each).</summary>
        public const double Z = 3.0;

        /// <summary>A candidate is judged only after this many evaluations (its network has had time to learn).</summary>
        public const int MinimumEvaluations = 3;

        /// <summary>
        /// Which candidates are out of the race for the best <paramref name="race"/>.TopK among the candidates from
        /// <paramref name="race"/>.FirstRacer on, given each one's best early-stopping bound (Nats 0 and SE 0 before it
        /// beats the constant T) and how often it has been evaluated. Candidates before FirstRacer always train on.
        /// </summary>
        public static bool[] OutOfTheRace(BoundEvaluation[] best, int[] evaluations, CandidateRaceSettings race)
        {
            var outOfRace = new bool[best.Length];
            if (race.TopK <= 0 || race.TopK >= best.Length - race.FirstRacer)
                return outOfRace;
            double kthLower = best.Skip(race.FirstRacer).Select(b => b.Nats - Z * b.StandardError).OrderByDescending(v => v).ElementAt(race.TopK - 1);
            for (int k = race.FirstRacer; k < best.Length; k++)
                outOfRace[k] = evaluations[k] >= MinimumEvaluations && best[k].Nats + Z * best[k].StandardError < kthLower;
            return outOfRace;
        }
    }
}
