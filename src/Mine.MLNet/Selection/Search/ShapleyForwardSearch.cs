using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Selection.Amortized;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// <see cref="SelectionStrategy.Shapley"/>: forward selection on one amortised critic (<see cref="AmortizedCritic"/>).
    /// Round t scores every remaining candidate c by its mean change of log q(y | x) on the decision rows when c joins a
    /// context made of the kept set S and a random subset of the other candidates, each kept with a rate drawn uniformly
    /// per context: with the rate uniform, that mean is c's Shapley value in the game v(T) = I(x_T; y) given S (the
    /// multilinear form of the Shapley value). It keeps the best. A wide table is first screened to a pool
    /// (<see cref="PoolCritic.PoolSize"/>); there, once no candidate's gain is above <see cref="SignificanceZ"/> standard errors, the
    /// remaining places go by each candidate's own mutual information.
    /// The reported scores come from the estimation rows: for a kept c, I(S) - I(S \ c), what it adds to the other kept
    /// ones; for the others, I(S + c) - I(S), what each would add to the kept set; both with the paired standard error
    /// over rows.
    /// </summary>
    internal sealed class ShapleyForwardSearch : ISelectionSearch
    {
        /// <summary>Random contexts per round.</summary>
        public const int Contexts = 8;

        /// <summary>A gain counts when it is this many standard errors above 0.</summary>
        public const double SignificanceZ = 2.0;

        /// <inheritdoc/>
        public List<CandidateScore> Run(SearchProblem problem)
        {
            int p = problem.Candidates.Count, keep = problem.FeaturesToKeep;
            int target = PoolCritic.PoolSize(keep);
            bool screened = PoolCritic.IsScreened(p, keep);
            problem.Channel.Info(MessageSensitivity.None,
                "MutualInformationSelect: forward selection of {0} of {1} candidates by Shapley value, from statistics networks trained on random subsets{2}.",
                keep, p, screened ? $" (screened to {target} first, by their own mutual information and by what a network of all loses without each)" : "");
            var random = new Random(problem.Seed ^ 0x51A9);
            var screenedOut = new List<CandidateScore>();
            int[] pool = Enumerable.Range(0, p).ToArray();
            // On a wide table, once no candidate adds significantly, the last places go by each candidate's own mutual
            // information (a critic of a few thousand rows that sees many columns is weak there, and its gains are noise).
            double[] ownInformation = null;
            if (screened)
                (pool, ownInformation) = PoolCritic.Screen(problem, target, screenedOut);

            using PoolCritic critic = PoolCritic.Fit(problem, pool, "Shapley critic");
            var kept = new List<int>();
            var isKept = new bool[pool.Length];
            for (int round = 1; kept.Count < Math.Min(keep, pool.Length); round++)
            {
                int[] remaining = Enumerable.Range(0, pool.Length).Where(i => !isKept[i]).ToArray();
                (double[] mean, double[] error) = critic.Gains(isKept, remaining, random, problem, Contexts);
                int best = Enumerable.Range(0, remaining.Length).OrderByDescending(j => mean[j]).ThenBy(j => remaining[j]).First();
                if (ownInformation != null && round > 1 && mean[best] <= SignificanceZ * error[best])
                {
                    double[] fillBy = pool.Select(c => ownInformation[c]).ToArray();
                    int[] filled = remaining.OrderByDescending(i => fillBy[i]).ThenBy(i => i).Take(keep - kept.Count).ToArray();
                    problem.Channel.Info(MessageSensitivity.None,
                        "MutualInformationSelect round {0}: no candidate adds significantly to the {1} kept (best {2}: {3} ± {4}); the last {5} places go by {6}: {7}.",
                        round, kept.Count, problem.Name(pool[remaining[best]]), Format(mean[best]), Format(error[best]), filled.Length,
                        "their own mutual information", string.Join(", ", filled.Select(i => problem.Name(pool[i]))));
                    foreach (int i in filled)
                    {
                        kept.Add(i);
                        isKept[i] = true;
                    }
                    break;
                }
                kept.Add(remaining[best]);
                isKept[remaining[best]] = true;
                problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect round {0}: kept {1} (Shapley value given the {2} kept: {3} ± {4} nats).",
                    round, problem.Name(pool[remaining[best]]), kept.Count - 1, Format(mean[best]), Format(error[best]));
            }
            List<CandidateScore> scores = Scores(critic, kept, isKept, problem);
            scores.AddRange(screenedOut);
            return scores;
        }

        /// <summary>
        /// The reported scores of the pool, on the estimation rows, in the order of the ranking: the kept (in the order they
        /// were kept) by what each adds to the other kept ones, then the rest of the pool by what each would add to them.
        /// </summary>
        private static List<CandidateScore> Scores(PoolCritic critic, List<int> kept, bool[] isKept, SearchProblem problem)
        {
            int p = isKept.Length;
            int[] everyCandidate = Enumerable.Range(0, p).ToArray();
            double[][] flips = critic.Critic.Flips(critic.Critic.Estimation, isKept, everyCandidate, problem.Options.CancellationToken);
            (double[] mean, double[] error) = PoolCritic.MeanAndError(flips, p, 1.0);
            double[] joint = critic.Critic.RowValues(critic.Critic.Estimation, isKept);
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect: I(kept {0}; label) = {1} nats on the estimation rows.",
                kept.Count, Format(joint.Average()));
            int[] keptCandidates = kept.Select(i => critic.Pool[i]).ToArray();
            var scores = kept.Select(i => new CandidateScore(critic.Pool[i], mean[i], error[i], Eligible: true,
                keptCandidates.Where(c => c != critic.Pool[i]).ToArray())).ToList();
            scores.AddRange(everyCandidate.Where(i => !isKept[i]).OrderByDescending(i => mean[i]).ThenBy(i => i)
                .Select(i => new CandidateScore(critic.Pool[i], mean[i], error[i], Eligible: false, keptCandidates)));
            return scores;
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
