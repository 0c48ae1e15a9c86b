using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// Fits statistics networks on paired samples (paper Alg. 1) with early stopping on held-out rows, and reports each
    /// bound on a second, untouched held-out part. K candidates (subsets of X's dimensions) train together as one batched
    /// network, each with its own early stopping; a <see cref="FitPlan"/> says how many folds, how large, how often to
    /// evaluate and what the candidates race for.
    /// </summary>
    internal sealed class StatisticsNetworkFitter
    {
        private readonly MineOptions options;
        private readonly Device device;
        private readonly IChannel channel;
        private readonly object progressGate = new object();

        /// <param name="options">The run's settings.</param>
        /// <param name="device">Where the networks run.</param>
        /// <param name="channel">Log and progress; may be null.</param>
        public StatisticsNetworkFitter(MineOptions options, Device device, IChannel channel)
        {
            this.options = options;
            this.device = device;
            this.channel = channel;
        }

        /// <summary>
        /// One run per candidate; <paramref name="candidates"/>[k] lists the X dimensions candidate k sees. With cross-fitting
        /// (<see cref="FitPlan.Folds"/> above 1), one network per fold is trained without that fold's rows and evaluated on
        /// them, so every row contributes to the estimate: the fold estimates are averaged with weights n_f / n and their
        /// standard errors combined as sqrt(sum (n_f / n)^2 SE_f^2) (the folds' rows are disjoint).
        /// </summary>
        public MineRun[] Fit(PairedSamples samples, IReadOnlyList<int[]> candidates, int seed, FitPlan plan)
        {
            SampleSplit[] splits = plan.Folds == 1
                ? Single(SampleSplit.Create(samples.Rows, options.ValidationFraction, seed), plan.SwapHeldOutParts)
                : SampleSplit.CrossFit(samples.Rows, plan.Folds, options.ValidationFraction, seed);
            // The folds are independent trainings with their own generators: they run side by side (TrainingWorkers), and
            // each fold's share of the threads trains groups of its candidates side by side.
            FoldResult[][] perFold = TrainingWorkers.Run(splits.Length, ThreadBudget.For(options.NumberOfThreads), (f, threads) =>
                FitFold(samples, candidates, splits[f], seed + f, plan,
                    splits.Length == 1 ? plan.Stage : $"{plan.Stage} {(plan.Folds == 1 ? "network" : "fold")} {f + 1}/{splits.Length}", threads));

            var runs = new MineRun[candidates.Count];
            for (int k = 0; k < candidates.Count; k++)
            {
                double nats = 0, variance = 0, decision = 0;
                double estimationRows = perFold.Sum(fold => fold[k].EstimationRows);
                foreach (FoldResult[] fold in perFold)
                {
                    double weight = fold[k].EstimationRows / estimationRows;
                    nats += weight * fold[k].Estimate.Nats;
                    decision += weight * fold[k].Decision.Nats;
                    variance += weight * weight * fold[k].Estimate.StandardError * fold[k].Estimate.StandardError;
                }
                // Floored once, after averaging: flooring each fold first would bias an independent pair upwards. One
                // fold keeps its replicates, for paired differences between candidates evaluated on the same rows.
                BoundEvaluation combined = perFold.Length == 1 ? perFold[0][k].Estimate : new BoundEvaluation(nats, Math.Sqrt(variance));
                BoundEvaluation estimate = combined.FloorAtZero();
                runs[k] = new MineRun(estimate, decision, perFold[0][k].TrainingCurve, perFold[0][k].ValidationCurve, perFold.Sum(f => f[k].Steps));
            }
            return runs;
        }

        /// <summary>One split, or with <paramref name="swap"/> the split and its swapped twin (two networks on the same training rows).</summary>
        private static SampleSplit[] Single(SampleSplit split, bool swap) => swap ? new[] { split, split.Swapped() } : new[] { split };

        /// <summary>One candidate's result on one split, before folds are combined.</summary>
        private sealed record FoldResult(BoundEvaluation Estimate, BoundEvaluation Decision, int EstimationRows, IReadOnlyList<MineCurvePoint> TrainingCurve,
            IReadOnlyList<MineCurvePoint> ValidationCurve, int Steps);

        private FoldResult[] FitFold(PairedSamples samples, IReadOnlyList<int[]> samplesCandidates, SampleSplit split, int seed, FitPlan plan,
            string stage, ThreadBudget threads)
        {
            // Every tensor made here, temporaries included, stays reachable from this scope until the run ends, so no
            // finalizer can free one while libtorch reads it (the groups' workers open scopes of their own).
            using var runScope = NewDisposeScope();
            using FoldTensors data = FoldTensors.Create(samples, split, options.GaussianizeMarginals, device, plan.MeanSquares);
            // X's appended mean square (the dimension after the samples' own) is seen by every candidate. Each candidate
            // trains plan.Critics networks, consecutive in the batch, each on its own loss and with its own early stopping.
            IReadOnlyList<int[]> candidates = samplesCandidates
                .Select(c => data.XWidth == samples.XWidth ? c : c.Append(samples.XWidth).ToArray())
                .SelectMany(c => Enumerable.Repeat(c, plan.Critics)).ToList();
            int count = candidates.Count;
            int width = candidates.Max(c => c.Length);
            int interval = plan.Schedule.Interval(split.Training.Length);
            // A table smaller than a batch trains on all its training rows at every step.
            int batch = Math.Min(options.BatchSize, split.Training.Length);
            int patience = plan.Schedule.Patience;

            // Separate generators: training draws never shift the evaluation's permutations.
            using var trainingGenerator = new Generator((ulong)seed, device);
            using var evaluationGenerator = new Generator((ulong)seed ^ 0x5DEECE66DUL, device);
            var network = new StatisticsNetwork(count, width, data.ZWidth, plan.NetworkSize.HiddenLayers(width), trainingGenerator);
            network.to(device);
            using var tracker = new CandidateTracker(network, device);
            BatchedCandidates[] groups = Groups(network, candidates, data.XWidth, width, GroupCount(count), data, batch, trainingGenerator, evaluationGenerator, plan.WeightAveraging);
            network.Dispose();
            try
            {
                int step = 0;
                while (step < options.MaxSteps && groups.Any(g => g.Active.Length > 0))
                {
                    int until = Math.Min(options.MaxSteps, (step / interval + 1) * interval);
                    int start = step;
                    int[] reached = TrainingWorkers.Run(groups.Length, threads, (g, _) =>
                    {
                        using var scope = NewDisposeScope();
                        return groups[g].Active.Length == 0 ? until
                            : groups[g].TrainUntil(start, until, data.XTraining, data.ZTraining, batch, options.CancellationToken);
                    });
                    step = reached.Min();
                    if (step < until)
                    {
                        // A bound that is no longer finite leaves nothing to measure: a candidate without a better network
                        // than the constant would report an exact 0 it never earned.
                        if (Enumerable.Range(0, count).Any(k => !tracker.HasBest(k)))
                        {
                            var error = new InvalidOperationException(NonFinite(step));
                            throw channel?.Process(error) ?? error;
                        }
                        channel?.Warning(MessageSensitivity.None, "MINE: a training bound became non-finite at step {0}; stopping with the best networks so far.", step);
                        break;
                    }

                    int[] active = groups.SelectMany(g => g.Active).ToArray();
                    var evaluated = TrainingWorkers.Run(groups.Length, threads, (g, _) =>
                    {
                        using var scope = NewDisposeScope();
                        return groups[g].Evaluate(data.XMonitoring, data.ZMonitoring, data.MonitoringCategories, options.CancellationToken);
                    });
                    for (int g = 0; g < groups.Length; g++)
                        tracker.Record(step, groups[g].Active, evaluated[g].MeanTrainingBounds, evaluated[g].HeldOut, groups[g].Network);
                    LogProgress(stage, step, active, tracker, patience, plan.Critics);
                    var still = new HashSet<int>(tracker.StillTraining(active, step, patience, interval, plan.Race));
                    foreach (BatchedCandidates group in groups)
                        group.KeepOnly(group.Active.Where(still.Contains).ToArray());
                }
                tracker.Stop(groups.SelectMany(g => g.Active).ToArray(), step);
            }
            finally
            {
                foreach (BatchedCandidates group in groups)
                    group.Dispose();
            }

            // A critic that never beat the constant T would bring its initial weights into the mean: it takes the network of
            // a critic of the same candidate that did.
            for (int first = 0; first < count; first += plan.Critics)
            {
                int[] critics = Enumerable.Range(first, plan.Critics).ToArray();
                int trained = Array.FindIndex(critics, tracker.HasBest);
                if (trained >= 0)
                    foreach (int c in critics.Where(c => !tracker.HasBest(c)))
                        tracker.CopyBest(critics[trained], c);
            }

            // Every candidate's best network, evaluated once on the estimation rows.
            BoundEvaluation[] estimates;
            using (var all = new CandidateInputs(candidates, data.XWidth, device, width))
            {
                tracker.Best.eval();
                using var estimationGenerator = new Generator((ulong)seed ^ 0x2545F4914F6CDD1DUL, device);
                // One bound per candidate: the mean score of its critics is its T.
                estimates = MineObjective.Create(options, count, data.Categories, batch, plan.Critics)
                    .Evaluate(tracker.Best, all, data.XEstimation, data.ZEstimation, data.EstimationCategories, estimationGenerator, options.CancellationToken);
            }

            var results = new FoldResult[samplesCandidates.Count];
            for (int k = 0; k < results.Length; k++)
            {
                int[] critics = Enumerable.Range(k * plan.Critics, plan.Critics).ToArray();
                // A candidate none of whose critics beat the constant T (exactly 0 under every bound) keeps the constant.
                bool trained = critics.Any(tracker.HasBest);
                var decision = new BoundEvaluation(critics.Average(c => tracker.BestValues[c].Nats), critics.Average(c => tracker.BestValues[c].StandardError));
                results[k] = new FoldResult(trained ? estimates[k] : BoundEvaluation.Zero, trained ? decision : BoundEvaluation.Zero,
                    split.Estimation.Length, tracker.TrainingCurve(critics[0]), tracker.ValidationCurve(critics[0]), critics.Sum(tracker.StoppedAt));
            }
            return results;
        }

        /// <summary>Candidates per group at least, when a fit splits its candidates.</summary>
        public const int MinimumGroupSize = 8;

        /// <summary>Groups of one fit at most.</summary>
        public const int MaximumGroups = 8;

        /// <summary>
        /// How many groups a fit of <paramref name="candidates"/> candidates trains side by side: the largest power of two
        /// up to <see cref="MaximumGroups"/> that leaves <see cref="MinimumGroupSize"/> candidates or more in each (1 up to
        /// 15 candidates, 2 up to 31, 4 up to 63, 8 from 64). It depends on the candidates alone, not on the machine:
        /// libtorch's vectorised loops treat a tensor's last few elements apart, so a candidate's last bits depend on the
        /// size of the batch it trains in, and the same seed must give the same numbers on every machine. Powers of two
        /// share 2, 4 or 8 cores evenly.
        /// </summary>
        public static int GroupCount(int candidates)
        {
            int groups = 1;
            while (groups * 2 <= MaximumGroups && candidates / (groups * 2) >= MinimumGroupSize)
                groups *= 2;
            return groups;
        }

        /// <summary>
        /// The candidates in <paramref name="count"/> contiguous groups of near-equal size, each a batched network cut from
        /// <paramref name="network"/> with its own objective and copies of the two generators' states.
        /// </summary>
        private BatchedCandidates[] Groups(StatisticsNetwork network, IReadOnlyList<int[]> candidates, int dimensions, int width, int count,
            FoldTensors data, int batch, Generator trainingGenerator, Generator evaluationGenerator, double averaging)
        {
            using Tensor trainingState = trainingGenerator.get_state();
            using Tensor evaluationState = evaluationGenerator.get_state();
            var groups = new BatchedCandidates[count];
            for (int g = 0; g < count; g++)
            {
                int first = candidates.Count * g / count, end = candidates.Count * (g + 1) / count;
                int[] members = Enumerable.Range(first, end - first).ToArray();
                using Tensor index = tensor(Array.ConvertAll(members, k => (long)k), device: device);
                groups[g] = new BatchedCandidates(network.Subset(index), MineObjective.Create(options, members.Length, data.Categories, batch), members, candidates,
                    dimensions, width, options.LearningRate, trainingState, evaluationState, device, averaging);
            }
            return groups;
        }

        private string NonFinite(int step)
            => $"MINE ({options.TrainedBound}): the training bound became non-finite at step {step}, before the statistics network could be measured. " +
               "The data may hold extreme values (a column spanning many orders of magnitude: keep MineOptions.GaussianizeMarginals on, or rescale it); " +
               "otherwise lower MineOptions.LearningRate.";

        private void LogProgress(string stage, int step, int[] active, CandidateTracker tracker, int patience, int critics)
        {
            IReadOnlyList<BoundEvaluation> best = tracker.BestValues;
            int candidates = best.Count / critics;
            int improving = tracker.Improving(active, patience, critics);
            double bestSoFar = best.Max(b => b.Nats);
            // Cross-fitting folds train on several threads: one report and one log line at a time.
            lock (progressGate)
            {
                options.Progress?.Report(new MineProgress(stage, step, options.MaxSteps, candidates, improving, bestSoFar));
                if (channel == null)
                    return;
                if (candidates == 1)
                {
                    // The first network still training (of an estimate's critics).
                    int shown = active[0];
                    channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: training bound {2} nats, held-out bound {3} nats (best {4}).",
                        step, options.MaxSteps, Format(tracker.TrainingCurve(shown)[^1].Nats), Format(tracker.ValidationCurve(shown)[^1].Nats), Format(bestSoFar));
                    return;
                }
                channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: {2} candidates, {3} still training; best held-out bounds from {4} to {5} nats.",
                    step, options.MaxSteps, candidates, active.Select(k => k / critics).Distinct().Count(), Format(best.Min(b => b.Nats)), Format(bestSoFar));
            }
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
