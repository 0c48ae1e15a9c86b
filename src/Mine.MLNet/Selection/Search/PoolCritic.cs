using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Selection.Amortized;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// An amortised critic (<see cref="AmortizedCritic"/>) of a pool of the candidates: the rows restricted to the pool's
    /// slots, the pool's candidates renumbered from 0. Also the screening that makes a wide table's pool.
    /// </summary>
    internal sealed class PoolCritic : IDisposable
    {
        /// <summary>A screened table's pool holds this many times FeaturesToKeep candidates (at least <see cref="MinimumPool"/>).</summary>
        public const int PoolFactor = 4;

        /// <summary>The smallest pool that screening leaves.</summary>
        public const int MinimumPool = 32;

        /// <summary>
        /// A table is screened only when it has more than this many times the pool's candidates: below that, the screening's
        /// two fits (every candidate alone, and a critic of all) cost more than a critic of all the candidates saves.
        /// </summary>
        public const int ScreeningFactor = 2;

        private PoolCritic(AmortizedCritic critic, int[] pool)
        {
            Critic = critic;
            Pool = pool;
        }

        /// <summary>The critic of the pool's candidates.</summary>
        public AmortizedCritic Critic { get; }

        /// <summary>The problem's candidate at each position.</summary>
        public int[] Pool { get; }

        /// <summary>The number of candidates a screened table keeps for the search.</summary>
        public static int PoolSize(int featuresToKeep) => Math.Max(MinimumPool, PoolFactor * featuresToKeep);

        /// <summary>Whether a table of <paramref name="candidates"/> is screened before the search (<see cref="ScreeningFactor"/>).</summary>
        public static bool IsScreened(int candidates, int featuresToKeep) => candidates > ScreeningFactor * PoolSize(featuresToKeep);

        /// <summary>Trains a critic of the candidates <paramref name="pool"/>; <paramref name="stage"/> names its progress reports.</summary>
        public static PoolCritic Fit(SearchProblem problem, int[] pool, string stage)
        {
            int[] slots = pool.SelectMany(c => problem.Candidates[c]).ToArray();
            var position = new Dictionary<int, int>();
            for (int j = 0; j < slots.Length; j++)
                position[slots[j]] = j;
            int[][] candidates = pool.Select(c => problem.Candidates[c].Select(slot => position[slot]).ToArray()).ToArray();
            PairedSamples samples = slots.Length == problem.Samples.XWidth && slots.SequenceEqual(Enumerable.Range(0, slots.Length))
                ? problem.Samples : problem.Samples.WithXDimensions(slots);
            return new PoolCritic(AmortizedCritic.Fit(samples, candidates, problem.Options, problem.Device, problem.Seed, problem.Channel, stage), pool);
        }

        /// <summary>
        /// Each of <paramref name="remaining"/>'s (pool positions) mean gain in log q(y | x) over <paramref name="contexts"/>
        /// random contexts (the kept set plus each other candidate of the pool with a rate drawn uniformly), with its
        /// standard error over the decision rows.
        /// </summary>
        public (double[] Mean, double[] Error) Gains(bool[] isKept, int[] remaining, Random random, SearchProblem problem, int contexts)
        {
            int p = isKept.Length;
            double[][] perRow = null;
            for (int m = 0; m < contexts; m++)
            {
                double rate = random.NextDouble();
                var context = new bool[p];
                for (int c = 0; c < p; c++)
                    context[c] = isKept[c] || random.NextDouble() < rate;
                double[][] flips = Critic.Flips(Critic.Decision, context, remaining, problem.Options.CancellationToken);
                if (perRow == null)
                    perRow = flips;
                else
                    for (int i = 0; i < perRow.Length; i++)
                        for (int j = 0; j < remaining.Length; j++)
                            perRow[i][j] += flips[i][j];
            }
            return MeanAndError(perRow, remaining.Length, 1.0 / contexts);
        }

        public void Dispose() => Critic.Dispose();

        /// <summary>
        /// The pool of <paramref name="target"/> candidates a search works on when a table is screened: half of it the candidates
        /// with the largest mutual information of their own with the label (one batched network per candidate, raced for the
        /// top, as <see cref="RankingSearch"/>), which finds a signal that several near-copies share; the other half those
        /// whose masking loses the most in a critic of every candidate, which finds columns that matter only together. The rest report their own
        /// mutual information on the estimation rows and leave.
        /// </summary>
        public static (int[] Pool, double[] OwnInformation) Screen(SearchProblem problem, int target, List<CandidateScore> screenedOut)
        {
            int p = problem.Candidates.Count;
            MineRun[] own = problem.Fit(problem.Candidates, "screening: each candidate alone", new CandidateRaceSettings(target));
            int[] byOwn = Enumerable.Range(0, p).OrderByDescending(c => own[c].DecisionNats).ThenBy(c => c).ToArray();
            double[] leaveOneOut;
            using (PoolCritic screening = Fit(problem, Enumerable.Range(0, p).ToArray(), "screening: every candidate"))
            {
                // What the critic of every candidate loses when c alone is masked: a column that matters only with a partner
                // loses the whole interaction here (its partner is present), where its own information is 0.
                var every = Enumerable.Repeat(true, p).ToArray();
                leaveOneOut = MeanAndError(screening.Critic.Flips(screening.Critic.Decision, every, Enumerable.Range(0, p).ToArray(),
                    problem.Options.CancellationToken), p, 1.0).Mean;
            }
            int[] byLoss = Enumerable.Range(0, p).OrderByDescending(c => leaveOneOut[c]).ThenBy(c => c).ToArray();
            var pool = new List<int>();
            for (int i = 0; pool.Count < target; i++)
            {
                if (!pool.Contains(byOwn[i]))
                    pool.Add(byOwn[i]);
                if (pool.Count < target && !pool.Contains(byLoss[i]))
                    pool.Add(byLoss[i]);
            }
            screenedOut.AddRange(byOwn.Where(c => !pool.Contains(c))
                .Select(c => new CandidateScore(c, own[c].Estimate.Nats, own[c].Estimate.StandardError, Eligible: false)));
            problem.Channel.Info(MessageSensitivity.None, "MutualInformationSelect screening: {0} of {1} candidates go on, by their own mutual information and by what a critic of all loses without each.",
                target, p);
            return (pool.OrderBy(c => c).ToArray(), own.Select(r => r.DecisionNats).ToArray());
        }

        /// <summary>Per column of <paramref name="perRow"/> (scaled by <paramref name="scale"/>): the mean over rows and its standard error.</summary>
        public static (double[] Mean, double[] Error) MeanAndError(double[][] perRow, int columns, double scale)
        {
            int n = perRow.Length;
            var mean = new double[columns];
            var error = new double[columns];
            for (int j = 0; j < columns; j++)
            {
                double sum = 0, squares = 0;
                for (int i = 0; i < n; i++)
                    sum += perRow[i][j] * scale;
                double average = sum / n;
                for (int i = 0; i < n; i++)
                {
                    double d = perRow[i][j] * scale - average;
                    squares += d * d;
                }
                mean[j] = average;
                error[j] = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.PositiveInfinity;
            }
            return (mean, error);
        }
    }
}
