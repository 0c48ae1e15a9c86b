using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Estimation.Engine;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// <see cref="SelectionStrategy.Ranking"/>: I(candidate; label) for every candidate, all K statistics networks
    /// trained together as one batched network, raced for the top k (<see cref="CandidateRace"/>). The order is decided
    /// on the early-stopping rows; the reported scores come from the estimation rows, which no decision read, so the
    /// kept candidates' scores are not the winners of a comparison on the same noise.
    /// </summary>
    internal sealed class RankingSearch : ISelectionSearch
    {
        /// <inheritdoc/>
        public List<CandidateScore> Run(SearchProblem problem)
        {
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect: ranking {0} candidates against the label, one batched MINE run raced for the top {1}.",
                problem.Candidates.Count, problem.FeaturesToKeep);
            MineRun[] runs = problem.Fit(problem.Candidates, "Ranking", new CandidateRaceSettings(problem.FeaturesToKeep));
            return runs
                .Select((run, k) => (Score: new CandidateScore(k, run.Estimate.Nats, run.Estimate.StandardError, Eligible: true), run.DecisionNats))
                .OrderByDescending(s => s.DecisionNats)
                .ThenBy(s => s.Score.Candidate)
                .Select(s => s.Score)
                .ToList();
        }
    }
}
