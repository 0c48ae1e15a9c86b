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
    /// <see cref="SelectionStrategy.Joint"/>: backward elimination on the joint estimate I(S; label). Each round
    /// trains, as one batched network, the current subset S and every S minus one candidate c; the loss
    /// I(S) - I(S \ c) is what c adds on top of the others. The candidates that lose the least are dropped, at most
    /// half of the surplus over FeaturesToKeep per round, judged on the early-stopping rows; the reported losses come
    /// from the estimation rows, which no drop decision reads. Unlike forward selection from the best single candidate,
    /// this keeps features that are informative only together (x1 and x2 of y = sign(x1 x2) score 0 alone).
    /// </summary>
    internal sealed class BackwardEliminationSearch : ISelectionSearch
    {
        /// <summary>
        /// Survivors first, by what each adds to the final subset, then the dropped candidates, the last dropped
        /// first. Every score is a loss of joint mutual information, in nats.
        /// </summary>
        public List<CandidateScore> Run(SearchProblem problem)
        {
            int featuresToKeep = problem.FeaturesToKeep;
            var remaining = Enumerable.Range(0, problem.Candidates.Count).ToList();
            var dropped = new List<CandidateScore>();
            for (int round = 1; remaining.Count > featuresToKeep; round++)
            {
                int surplus = remaining.Count - featuresToKeep, dropCount = Math.Max(1, surplus / 2);
                // The candidates to drop are those whose removal leaves the highest I(S \ c): race the S \ c networks
                // (every network after the first, which is S itself) for the top dropCount.
                CandidateScore[] losses = Losses(problem, remaining, $"Joint round {round}", new CandidateRaceSettings(dropCount, FirstRacer: 1),
                    out BoundEvaluation joint, out double[] decisions);
                CandidateScore[] drop = Enumerable.Range(0, losses.Length).OrderBy(i => decisions[i]).ThenBy(i => losses[i].Candidate)
                    .Take(dropCount).Select(i => losses[i]).ToArray();
                dropped.AddRange(drop.Select(s => s with { Eligible = false }));
                remaining.RemoveAll(c => drop.Any(s => s.Candidate == c));
                problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect round {0}: I(subset of {1}; label) = {2} nats; dropped {3}; {4} left.",
                    round, remaining.Count + drop.Length, Format(joint.Nats),
                    string.Join(", ", drop.Select(s => $"{problem.Name(s.Candidate)} (-{Format(s.Nats)})")), remaining.Count);
            }

            CandidateScore[] kept = Losses(problem, remaining, "Joint final round", CandidateRaceSettings.None, out BoundEvaluation final, out _);
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect final round: I(kept {0}; label) = {1} nats.", remaining.Count, Format(final.Nats));
            var ranked = kept.OrderByDescending(s => s.Nats).ThenBy(s => s.Candidate).ToList();
            dropped.Reverse();
            ranked.AddRange(dropped);
            return ranked;
        }

        /// <summary>
        /// I(S) - I(S \ c) for every c in S, twice: <paramref name="decisions"/> from the early-stopping rows (what the
        /// drops are decided on) and the returned scores from the estimation rows, which no decision reads, with the
        /// paired standard error of the difference (both bounds are evaluated on the same rows and shuffles).
        /// </summary>
        private static CandidateScore[] Losses(SearchProblem problem, List<int> subset, string stage, CandidateRaceSettings race,
            out BoundEvaluation joint, out double[] decisions)
        {
            IReadOnlyList<int[]> candidates = problem.Candidates;
            var subsets = new List<int[]> { CandidateSubsets.Slots(candidates, subset) };
            if (subset.Count > 1)
                subsets.AddRange(subset.Select(c => CandidateSubsets.Slots(candidates, subset.Where(other => other != c))));
            MineRun[] runs = problem.Fit(subsets, stage, race);
            joint = runs[0].Estimate;
            var losses = new CandidateScore[subset.Count];
            decisions = new double[subset.Count];
            for (int i = 0; i < subset.Count; i++)
            {
                // Without c the subset is empty when it holds one candidate, and I(empty; label) = 0 exactly.
                BoundEvaluation without = subset.Count > 1 ? runs[i + 1].Estimate : BoundEvaluation.Zero;
                decisions[i] = runs[0].DecisionNats - (subset.Count > 1 ? runs[i + 1].DecisionNats : 0);
                losses[i] = new CandidateScore(subset[i], joint.Nats - without.Nats, BoundEvaluation.StandardErrorOfDifference(joint, without), Eligible: true);
            }
            return losses;
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
