using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// <see cref="SelectionStrategy.Conditional"/>: forward selection. Round t trains, as one batched network, the kept
    /// set S and every S plus one remaining candidate c, raced for the single best (<see cref="CandidateRace"/>), and
    /// keeps the c with the largest gain I(S + c; label) - I(S; label), the conditional mutual information
    /// I(c; label | S). Gains are decided on the early-stopping rows and reported from the estimation rows, with the
    /// paired standard error of the difference (both bounds come from the same rows and shuffles).
    /// </summary>
    internal sealed class ConditionalForwardSearch : ISelectionSearch
    {
        /// <summary>
        /// The kept candidates in the order they were added, each scored by its gain when added; then the others, by
        /// their gain in the last round (not eligible).
        /// </summary>
        public List<CandidateScore> Run(SearchProblem problem)
        {
            IReadOnlyList<int[]> candidates = problem.Candidates;
            var kept = new List<CandidateScore>();
            var keptIds = new List<int>();
            CandidateScore[] lastRound = Array.Empty<CandidateScore>();
            double[] lastDecisions = Array.Empty<double>();
            for (int round = 1; round <= problem.FeaturesToKeep; round++)
            {
                int[] remaining = Enumerable.Range(0, candidates.Count).Except(keptIds).ToArray();
                var subsets = new List<int[]>();
                if (keptIds.Count > 0)
                    subsets.Add(CandidateSubsets.Slots(candidates, keptIds));
                int first = subsets.Count;
                subsets.AddRange(remaining.Select(c => CandidateSubsets.Slots(candidates, keptIds.Append(c))));
                MineRun[] runs = problem.Fit(subsets, $"Conditional round {round}", new CandidateRaceSettings(1, FirstRacer: first));

                // I(empty; label) = 0 exactly.
                BoundEvaluation baseline = first == 1 ? runs[0].Estimate : BoundEvaluation.Zero;
                double baselineDecision = first == 1 ? runs[0].DecisionNats : 0;
                lastRound = new CandidateScore[remaining.Length];
                lastDecisions = new double[remaining.Length];
                for (int i = 0; i < remaining.Length; i++)
                {
                    BoundEvaluation with = runs[first + i].Estimate;
                    lastDecisions[i] = runs[first + i].DecisionNats - baselineDecision;
                    lastRound[i] = new CandidateScore(remaining[i], with.Nats - baseline.Nats, BoundEvaluation.StandardErrorOfDifference(with, baseline), Eligible: false, keptIds.ToArray());
                }
                int best = Enumerable.Range(0, remaining.Length).OrderByDescending(i => lastDecisions[i]).ThenBy(i => remaining[i]).First();
                kept.Add(lastRound[best] with { Eligible = true });
                keptIds.Add(remaining[best]);
                problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect round {0}: I(kept {1}; label) = {2} nats; added {3} (+{4}).",
                    round, keptIds.Count - 1, Format(baseline.Nats), problem.Name(remaining[best]), Format(lastRound[best].Nats));
            }

            var ranked = new List<CandidateScore>(kept);
            ranked.AddRange(Enumerable.Range(0, lastRound.Length)
                .Where(i => !keptIds.Contains(lastRound[i].Candidate))
                .OrderByDescending(i => lastDecisions[i]).ThenBy(i => lastRound[i].Candidate)
                .Select(i => lastRound[i]));
            return ranked;
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
