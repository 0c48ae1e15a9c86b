using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Core;

namespace Mine.MLNet.Selection
{
    /// <summary>
    /// <see cref="SelectionStrategy.Joint"/>: backward elimination on the joint estimate I(S; label). Each round
    /// trains, as one batched network, the current subset S and every S minus one candidate c; the loss
    /// I(S) - I(S \ c) is what c adds on top of the others. The candidates that lose the least are dropped, at most
    /// half of the surplus over FeaturesToKeep per round. Unlike forward selection from the best single candidate,
    /// this keeps features that are informative only together (x1 and x2 of y = sign(x1 x2) score 0 alone).
    /// </summary>
    internal static class BackwardEliminationSearch
    {
        /// <summary>
        /// Survivors first, by what each adds to the final subset, then the dropped candidates, the last dropped
        /// first. Every score is a loss of joint mutual information, in nats.
        /// </summary>
        public static List<CandidateScore> Run(MineTrainer trainer, PairedSamples samples, IReadOnlyList<int[]> candidates,
            int featuresToKeep, int seed, IChannel channel, Func<int, string> name)
        {
            var remaining = Enumerable.Range(0, candidates.Count).ToList();
            var dropped = new List<CandidateScore>();
            for (int round = 1; remaining.Count > featuresToKeep; round++)
            {
                trainer.Stage = $"Joint round {round}";
                CandidateScore[] losses = Losses(trainer, samples, candidates, remaining, seed, out BoundEvaluation joint);
                int surplus = remaining.Count - featuresToKeep;
                CandidateScore[] drop = losses.OrderBy(s => s.Nats).ThenBy(s => s.Candidate).Take(Math.Max(1, surplus / 2)).ToArray();
                dropped.AddRange(drop.Select(s => s with { Eligible = false }));
                remaining.RemoveAll(c => drop.Any(s => s.Candidate == c));
                channel.Info(MessageSensitivity.None, "MutualInformationSelect round {0}: I(subset of {1}; label) = {2} nats; dropped {3}; {4} left.",
                    round, remaining.Count + drop.Length, Format(joint.Nats),
                    string.Join(", ", drop.Select(s => $"{name(s.Candidate)} (-{Format(s.Nats)})")), remaining.Count);
            }

            trainer.Stage = "Joint final round";
            CandidateScore[] kept = Losses(trainer, samples, candidates, remaining, seed, out BoundEvaluation final);
            channel.Info(MessageSensitivity.None, "MutualInformationSelect final round: I(kept {0}; label) = {1} nats.", remaining.Count, Format(final.Nats));
            var ranked = kept.OrderByDescending(s => s.Nats).ThenBy(s => s.Candidate).ToList();
            dropped.Reverse();
            ranked.AddRange(dropped);
            return ranked;
        }

        /// <summary>I(S) - I(S \ c) for every c in S, with the standard errors added in quadrature.</summary>
        private static CandidateScore[] Losses(MineTrainer trainer, PairedSamples samples, IReadOnlyList<int[]> candidates,
            List<int> subset, int seed, out BoundEvaluation joint)
        {
            var subsets = new List<int[]> { Slots(candidates, subset) };
            if (subset.Count > 1)
                subsets.AddRange(subset.Select(c => Slots(candidates, subset.Where(other => other != c))));
            MineRun[] runs = trainer.Train(samples, subsets, seed);
            joint = runs[0].Estimate;
            var losses = new CandidateScore[subset.Count];
            for (int i = 0; i < subset.Count; i++)
            {
                // Without c the subset is empty when it holds one candidate, and I(empty; label) = 0 exactly.
                BoundEvaluation without = subset.Count > 1 ? runs[i + 1].Estimate : BoundEvaluation.Zero;
                double standardError = Math.Sqrt(joint.StandardError * joint.StandardError + without.StandardError * without.StandardError);
                losses[i] = new CandidateScore(subset[i], joint.Nats - without.Nats, standardError, Eligible: true);
            }
            return losses;
        }

        private static int[] Slots(IReadOnlyList<int[]> candidates, IEnumerable<int> subset)
            => subset.SelectMany(c => candidates[c]).OrderBy(slot => slot).ToArray();

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
