using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// Trains statistics networks on paired samples (paper Alg. 1) with early stopping on held-out rows, and
    /// reports each bound on a second, untouched held-out part. K candidates (subsets of X's dimensions) train
    /// together as one batched network, each with its own early stopping.
    /// </summary>
    internal sealed class MineTrainer
    {
        private readonly MineOptions options;
        private readonly Device device;
        private readonly IChannel channel;

        private readonly bool forSelection;
        private readonly object progressGate = new object();

        /// <param name="options">The run's settings.</param>
        /// <param name="device">Where the networks run.</param>
        /// <param name="channel">Log and progress; may be null.</param>
        /// <param name="forSelection">
        /// False for an estimate: <see cref="MineOptions.CrossFittingFolds"/> = 0 cross-fits small tables. True for
        /// selection, which cross-fits only when asked (it would multiply the cost of every candidate) and sizes
        /// networks from the candidates' width when <see cref="MineOptions.HiddenLayerSizes"/> is null
        /// (<see cref="StatisticsNetworkSize"/>).
        /// </param>
        public MineTrainer(MineOptions options, Device device, IChannel channel, bool forSelection = false)
        {
            this.options = options;
            this.device = device;
            this.channel = channel;
            this.forSelection = forSelection;
        }

        /// <summary>What is being trained, for <see cref="MineOptions.Progress"/> reports.</summary>
        public string Stage { get; set; } = "EstimateMutualInformation";

        /// <summary>One candidate that sees every dimension of X.</summary>
        public MineRun Train(PairedSamples samples, int seed)
            => Train(samples, new[] { Enumerable.Range(0, samples.XWidth).ToArray() }, seed)[0];

        /// <summary>
        /// One run per candidate; <paramref name="candidates"/>[k] lists the X dimensions candidate k sees. With cross-fitting
        /// (<see cref="MineOptions.CrossFittingFolds"/>), one network per fold is trained without that fold's rows and
        /// evaluated on them, so every row contributes to the estimate: the fold estimates are averaged with weights
        /// n_f / n and their standard errors combined as sqrt(sum (n_f / n)^2 SE_f^2) (the folds' rows are disjoint).
        /// </summary>
        /// <param name="samples">The paired rows.</param>
        /// <param name="candidates">The X dimensions each candidate sees.</param>
        /// <param name="seed">The run's seed.</param>
        /// <param name="race">
        /// When the race's TopK is above 0, only the best TopK of its racers matter: a racer whose early-stopping bound is
        /// clearly below the k-th best's stops training (<see cref="CandidateRace"/>). Default: no race.
        /// </param>
        public MineRun[] Train(PairedSamples samples, IReadOnlyList<int[]> candidates, int seed, CandidateRaceSettings race = default)
        {
            int folds = CrossFittingFolds(options, samples.Rows, automatic: !forSelection);
            SampleSplit[] splits = folds == 1
                ? new[] { SampleSplit.Create(samples.Rows, options.ValidationFraction, seed) }
                : SampleSplit.CrossFit(samples.Rows, folds, options.ValidationFraction, seed);
            string stage = Stage;
            // The folds are independent trainings with their own generators: they run in parallel (TrainingWorkers).
            FoldResult[][] perFold = TrainingWorkers.Run(splits.Length, options.NumberOfThreads, f =>
                TrainFold(samples, candidates, splits[f], seed + f, race, splits.Length == 1 ? stage : $"{stage} fold {f + 1}/{splits.Length}"));

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

        /// <summary>
        /// The folds of a run: <see cref="MineOptions.CrossFittingFolds"/>, or when it is 0, 5 below
        /// <see cref="MineOptions.CrossFittingRowLimit"/> rows (if <paramref name="automatic"/>) and 1 otherwise.
        /// </summary>
        public static int CrossFittingFolds(MineOptions options, int rows, bool automatic)
            => options.CrossFittingFolds > 0 ? options.CrossFittingFolds : automatic && rows < MineOptions.CrossFittingRowLimit ? 5 : 1;

        /// <summary>One candidate's result on one split, before folds are combined.</summary>
        private sealed record FoldResult(BoundEvaluation Estimate, BoundEvaluation Decision, int EstimationRows, List<MineCurvePoint> TrainingCurve,
            List<MineCurvePoint> ValidationCurve, int Steps);

        private FoldResult[] TrainFold(PairedSamples samples, IReadOnlyList<int[]> candidates, SampleSplit split, int seed, CandidateRaceSettings race,
            string stage)
        {
            // Every tensor made here, temporaries included, stays reachable from this scope until the run ends, so no
            // finalizer can free one while libtorch reads it.
            using var runScope = NewDisposeScope();
            // A discrete Z (few distinct values) gets an exact marginal term; its values are only standardised.
            DiscreteMarginal discreteZ = DiscreteMarginal.Detect(samples.Z, samples.ZWidth);
            IRowTransform xScale = Scale(samples.X, samples.XWidth, split.Training, options.GaussianizeMarginals);
            IRowTransform zScale = Scale(samples.Z, samples.ZWidth, split.Training, options.GaussianizeMarginals && discreteZ == null);

            using Tensor xTrain = ToTensor(xScale.Transform(samples.X, split.Training), samples.XWidth);
            using Tensor zTrain = ToTensor(zScale.Transform(samples.Z, split.Training), samples.ZWidth);
            using Tensor xMonitor = ToTensor(xScale.Transform(samples.X, split.Monitoring), samples.XWidth);
            using Tensor zMonitor = ToTensor(zScale.Transform(samples.Z, split.Monitoring), samples.ZWidth);
            using Tensor xEstimate = ToTensor(xScale.Transform(samples.X, split.Estimation), samples.XWidth);
            using Tensor zEstimate = ToTensor(zScale.Transform(samples.Z, split.Estimation), samples.ZWidth);
            int count = candidates.Count;
            int width = candidates.Max(c => c.Length);
            int interval = EarlyStoppingSchedule.Interval(options, split.Training.Length, forSelection);
            int patience = EarlyStoppingSchedule.Patience(options, forSelection);

            // Separate generators: training draws never shift the evaluation's permutations.
            using var trainingGenerator = new Generator((ulong)seed, device);
            using var evaluationGenerator = new Generator((ulong)seed ^ 0x5DEECE66DUL, device);
            StatisticsNetwork network = new StatisticsNetwork(count, width, samples.ZWidth,
                StatisticsNetworkSize.HiddenLayers(options, width, forSelection), trainingGenerator);
            network.to(device);
            AdamOptimizer optimizer = new AdamOptimizer(network.parameters(), options.LearningRate);
            using DiscreteZ categories = discreteZ == null ? null : new DiscreteZ(
                zScale.Transform(discreteZ.Categories, Enumerable.Range(0, discreteZ.Count).ToArray()), samples.ZWidth,
                discreteZ.Frequencies(split.Training), device);
            int[] monitorCategories = discreteZ?.CategoriesOf(split.Monitoring);
            int[] estimateCategories = discreteZ?.CategoriesOf(split.Estimation);
            MineObjective objective = MineObjective.Create(options, count, categories);

            // The candidates still training, as indices into candidates; position p of the batched network is active[p].
            int[] active = Enumerable.Range(0, count).ToArray();
            var inputs = new CandidateInputs(candidates, samples.XWidth, device, width);
            var trainingCurves = NewCurves(count);
            var validationCurves = NewCurves(count);
            // The baseline is a constant T, which scores exactly 0 under every bound: a candidate's network is
            // kept only once it beats 0 on the early-stopping rows.
            using Tensor everyCandidate = tensor(Enumerable.Range(0, count).Select(k => (long)k).ToArray(), device: device);
            using StatisticsNetwork bestNetworks = network.Subset(everyCandidate);
            Tensor[] best = bestNetworks.parameters().ToArray<Tensor>();
            var bestValue = new BoundEvaluation[count];
            var hasBest = new bool[count];
            var sinceBest = new int[count];
            var evaluations = new int[count];
            var stoppedAt = new int[count];
            var intervalSum = new double[count];
            int step = 0, intervalSteps = 0;

            try
            {
                while (step < options.MaxSteps && active.Length > 0)
                {
                    options.CancellationToken.ThrowIfCancellationRequested();
                    step++;
                    double[] batchBounds;
                    using (NewDisposeScope())
                    {
                        Tensor rows = randint(xTrain.shape[0], new long[] { options.BatchSize }, generator: trainingGenerator, device: device);
                        Tensor loss = objective.TrainingLoss(network, inputs.Gather(xTrain.index_select(0, rows)), zTrain.index_select(0, rows), trainingGenerator, out batchBounds);
                        if (!batchBounds.All(double.IsFinite))
                        {
                            channel?.Warning(MessageSensitivity.None, "MINE: a training bound became non-finite at step {0}; stopping with the best networks so far.", step);
                            break;
                        }
                        optimizer.ZeroGrad();
                        loss.backward();
                        optimizer.Step();
                    }
                    for (int p = 0; p < active.Length; p++)
                        intervalSum[active[p]] += batchBounds[p];
                    intervalSteps++;

                    if (step % interval != 0 && step != options.MaxSteps)
                        continue;

                    network.eval();
                    BoundEvaluation[] held = objective.Evaluate(network, inputs, xMonitor, zMonitor, monitorCategories, evaluationGenerator, options.CancellationToken);
                    network.train();
                    Tensor[] parameters = network.parameters().ToArray<Tensor>();
                    for (int p = 0; p < active.Length; p++)
                    {
                        int k = active[p];
                        evaluations[k]++;
                        trainingCurves[k].Add(new MineCurvePoint(step, intervalSum[k] / intervalSteps));
                        validationCurves[k].Add(new MineCurvePoint(step, held[p].Nats));
                        intervalSum[k] = 0;
                        if (held[p].Nats > bestValue[k].Nats)
                        {
                            bestValue[k] = held[p];
                            hasBest[k] = true;
                            sinceBest[k] = 0;
                            CopyCandidate(parameters, p, best, k);
                        }
                        else
                        {
                            sinceBest[k]++;
                        }
                    }
                    intervalSteps = 0;
                    LogProgress(stage, step, active, trainingCurves, validationCurves, bestValue, sinceBest, patience);

                    bool[] racedOut = CandidateRace.OutOfTheRace(bestValue, Array.ConvertAll(evaluations, e => e * interval), race);
                    int[] still = active.Where(k => sinceBest[k] < patience && !racedOut[k]).ToArray();
                    foreach (int k in active.Except(still))
                        stoppedAt[k] = step;
                    if (still.Length == active.Length || still.Length == 0)
                    {
                        active = still;
                        continue;
                    }
                    // Cut the batched network, its optimizer state and the objective's down to the candidates still training.
                    int[] positions = still.Select(k => Array.IndexOf(active, k)).ToArray();
                    using Tensor index = tensor(Array.ConvertAll(positions, p => (long)p), device: device);
                    StatisticsNetwork smaller = network.Subset(index);
                    AdamOptimizer smallerOptimizer = optimizer.Subset(smaller.parameters(), index);
                    network.Dispose();
                    optimizer.Dispose();
                    inputs.Dispose();
                    (network, optimizer) = (smaller, smallerOptimizer);
                    objective.KeepCandidates(positions);
                    inputs = new CandidateInputs(still.Select(k => candidates[k]).ToList(), samples.XWidth, device, width);
                    active = still;
                }
                foreach (int k in active)
                    stoppedAt[k] = step;
            }
            finally
            {
                network.Dispose();
                optimizer.Dispose();
                inputs.Dispose();
            }

            // Every candidate's best network, evaluated once on the estimation rows.
            BoundEvaluation[] estimates;
            using (var all = new CandidateInputs(candidates, samples.XWidth, device, width))
            {
                bestNetworks.eval();
                using var estimationGenerator = new Generator((ulong)seed ^ 0x2545F4914F6CDD1DUL, device);
                estimates = objective.Evaluate(bestNetworks, all, xEstimate, zEstimate, estimateCategories, estimationGenerator, options.CancellationToken);
            }

            var results = new FoldResult[count];
            for (int k = 0; k < count; k++)
            {
                // A candidate that never beat the constant T (exactly 0 under every bound) keeps the constant.
                BoundEvaluation estimate = hasBest[k] ? estimates[k] : BoundEvaluation.Zero;
                BoundEvaluation decision = hasBest[k] ? bestValue[k] : BoundEvaluation.Zero;
                results[k] = new FoldResult(estimate, decision, split.Estimation.Length, trainingCurves[k], validationCurves[k], stoppedAt[k]);
            }
            return results;
        }

        private void LogProgress(string stage, int step, int[] active, List<MineCurvePoint>[] trainingCurves, List<MineCurvePoint>[] validationCurves,
            BoundEvaluation[] bestValue, int[] sinceBest, int patience)
        {
            int improving = active.Count(k => sinceBest[k] < patience);
            double bestSoFar = bestValue.Max(b => b.Nats);
            // Cross-fitting folds train on several threads: one report and one log line at a time.
            lock (progressGate)
            {
                options.Progress?.Report(new MineProgress(stage, step, options.MaxSteps, bestValue.Length, improving, bestSoFar));
                if (channel == null)
                    return;
                if (bestValue.Length == 1)
                {
                    channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: training bound {2} nats, held-out bound {3} nats (best {4}).",
                        step, options.MaxSteps, Format(trainingCurves[0][^1].Nats), Format(validationCurves[0][^1].Nats), Format(bestValue[0].Nats));
                    return;
                }
                channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: {2} candidates, {3} still training; best held-out bounds from {4} to {5} nats.",
                    step, options.MaxSteps, bestValue.Length, active.Length, Format(bestValue.Min(b => b.Nats)), Format(bestSoFar));
            }
        }


        /// <summary>Marginal Gaussianisation (or standardisation) of one side, fitted on the training rows.</summary>
        private static IRowTransform Scale(float[] data, int width, int[] training, bool gaussianize)
            => gaussianize ? MarginalGaussianizer.Fit(data, width, training) : Standardizer.Fit(data, width, training);

        private Tensor ToTensor(float[] rowMajor, int width)
            => tensor(rowMajor, new long[] { rowMajor.Length / width, width }, device: device);

        private static List<MineCurvePoint>[] NewCurves(int count)
            => Enumerable.Range(0, count).Select(_ => new List<MineCurvePoint>()).ToArray();

        /// <summary>Copies position <paramref name="from"/> of every batched parameter to slot <paramref name="to"/> of the snapshot.</summary>
        private static void CopyCandidate(Tensor[] parameters, int from, Tensor[] snapshot, int to)
        {
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    using Tensor target = snapshot[i][to];
                    using Tensor source = parameters[i][from];
                    target.copy_(source);
                }
            }
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
