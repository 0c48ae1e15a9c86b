using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// <see cref="SelectionStrategy.Joint"/>: backward elimination on the joint mutual information I(S; label), scored by
    /// one amortised critic (<see cref="PoolCritic"/>) instead of one network per subset. Starting from every candidate
    /// (a wide table's screened pool), each round drops the candidate whose removal loses the least, I(S) - I(S \ c),
    /// measured on the decision rows as the change of log q(y | x) when c is masked from S: one batched pass over every
    /// candidate of S. One candidate goes per round, so the last of several near-copies is seen to matter before it goes.
    /// Kept candidates report what each adds to the other kept ones; dropped ones, what the subset lost without them in the
    /// round they went; both from the estimation rows, with the paired standard error over rows.
    /// </summary>
    internal sealed class AmortizedBackwardSearch : ISelectionSearch
    {
        /// <inheritdoc/>
        public List<CandidateScore> Run(SearchProblem problem)
        {
            int p = problem.Candidates.Count, keep = problem.FeaturesToKeep;
            int target = PoolCritic.PoolSize(keep);
            bool screened = PoolCritic.IsScreened(p, keep);
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect: backward elimination from {0} candidates to {1}, scored by one statistics network for every subset{2}.",
                p, keep, screened ? $" (screened to {target} first)" : "");
            var screenedOut = new List<CandidateScore>();
            int[] pool = Enumerable.Range(0, p).ToArray();
            if (screened)
                pool = PoolCritic.Screen(problem, target, screenedOut).Pool;

            using PoolCritic critic = PoolCritic.Fit(problem, pool, "Joint critic");
            var alive = Enumerable.Repeat(true, pool.Length).ToArray();
            var dropped = new List<CandidateScore>();
            for (int round = 1; alive.Count(a => a) > keep; round++)
            {
                int[] members = Enumerable.Range(0, pool.Length).Where(i => alive[i]).ToArray();
                (double[] loss, double[] error) = PoolCritic.MeanAndError(
                    critic.Critic.Flips(critic.Critic.Decision, alive, members, problem.Options.CancellationToken), members.Length, 1.0);
                int least = Enumerable.Range(0, members.Length).OrderBy(j => loss[j]).ThenBy(j => members[j]).First();
                int gone = members[least];
                (double[] reported, double[] reportedError) = PoolCritic.MeanAndError(
                    critic.Critic.Flips(critic.Critic.Estimation, alive, new[] { gone }, problem.Options.CancellationToken), 1, 1.0);
                int[] others = members.Where(i => i != gone).Select(i => pool[i]).ToArray();
                dropped.Add(new CandidateScore(pool[gone], reported[0], reportedError[0], Eligible: false, others));
                alive[gone] = false;
                problem.Channel.Trace(MessageSensitivity.None, "MutualInformationSelect round {0}: dropped {1} (the {2} lose {3} ± {4} nats without it).",
                    round, problem.Name(pool[gone]), members.Length, Format(loss[least]), Format(error[least]));
            }

            int[] kept = Enumerable.Range(0, pool.Length).Where(i => alive[i]).ToArray();
            (double[] mean, double[] keptError) = PoolCritic.MeanAndError(
                critic.Critic.Flips(critic.Critic.Estimation, alive, kept, problem.Options.CancellationToken), kept.Length, 1.0);
            double joint = critic.Critic.RowValues(critic.Critic.Estimation, alive).Average();
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect: I(kept {0}; label) = {1} nats on the estimation rows; dropped, last first: {2}.",
                kept.Length, Format(joint), string.Join(", ", dropped.AsEnumerable().Reverse().Take(10).Select(s => problem.Name(s.Candidate))));
            var scores = Enumerable.Range(0, kept.Length).Select(j => new CandidateScore(pool[kept[j]], mean[j], keptError[j], Eligible: true,
                kept.Where(i => i != kept[j]).Select(i => pool[i]).ToArray())).OrderByDescending(s => s.Nats).ThenBy(s => s.Candidate).ToList();
            dropped.Reverse();
            scores.AddRange(dropped);
            scores.AddRange(screenedOut);
            return scores;
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
