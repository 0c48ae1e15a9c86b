using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Core;

namespace Mine.MLNet.Selection
{
    /// <summary>
    /// <see cref="SelectionStrategy.Ranking"/>: I(candidate; label) for every candidate, all K statistics networks
    /// trained together as one batched network, best first.
    /// </summary>
    internal static class RankingSearch
    {
        public static List<CandidateScore> Run(MineTrainer trainer, PairedSamples samples, IReadOnlyList<int[]> candidates, int seed, IChannel channel)
        {
            channel.Info(MessageSensitivity.None, "MutualInformationSelect: ranking {0} candidates against the label, one batched MINE run.", candidates.Count);
            trainer.Stage = "Ranking";
            MineRun[] runs = trainer.Train(samples, candidates, seed);
            return runs
                .Select((run, k) => new CandidateScore(k, run.Estimate.Nats, run.Estimate.StandardError, Eligible: true))
                .OrderByDescending(s => s.Nats)
                .ThenBy(s => s.Candidate)
                .ToList();
        }
    }
}
