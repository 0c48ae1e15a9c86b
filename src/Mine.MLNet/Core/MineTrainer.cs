using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
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

        private readonly bool automaticCrossFitting;

        /// <param name="options">The run's settings.</param>
        /// <param name="device">Where the networks run.</param>
        /// <param name="channel">Log and progress; may be null.</param>
        /// <param name="automaticCrossFitting">
        /// Whether <see cref="MineOptions.CrossFittingFolds"/> = 0 cross-fits small tables (estimation); selection passes
        /// false, since cross-fitting every candidate multiplies its cost, and cross-fits only when asked.
        /// </param>
        public MineTrainer(MineOptions options, Device device, IChannel channel, bool automaticCrossFitting = true)
        {
            this.options = options;
            this.device = device;
            this.channel = channel;
            this.automaticCrossFitting = automaticCrossFitting;
        }

        /// <summary>What is being trained, for <see cref="MineOptions.Progress"/> reports.</summary>
        public string Stage { get; set; } = "EstimateMutualInformation";

        private string foldStage;

        /// <summary>One candidate that sees every dimension of X.</summary>
        public MineRun Train(PairedSamples samples, int seed)
            => Train(samples, new[] { Enumerable.Range(0, samples.XWidth).ToArray() }, seed)[0];

        /// <summary>
        /// One run per candidate; <paramref name="candidates"/>[k] lists the X dimensions candidate k sees. With cross-fitting
        /// (<see cref="MineOptions.CrossFittingFolds"/>), one network per fold is trained without that fold's rows and
        /// evaluated on them, so every row contributes to the estimate: the fold estimates are averaged with weights
        /// n_f / n and their standard errors combined as sqrt(sum (n_f / n)^2 SE_f^2) (the folds' rows are disjoint).
        /// </summary>
        public MineRun[] Train(PairedSamples samples, IReadOnlyList<int[]> candidates, int seed)
        {
            int folds = CrossFittingFolds(options, samples.Rows, automaticCrossFitting);
            SampleSplit[] splits = folds == 1
                ? new[] { SampleSplit.Create(samples.Rows, options.ValidationFraction, seed) }
                : SampleSplit.CrossFit(samples.Rows, folds, options.ValidationFraction, seed);
            var perFold = new FoldResult[splits.Length][];
            for (int f = 0; f < splits.Length; f++)
            {
                foldStage = splits.Length == 1 ? Stage : $"{Stage} fold {f + 1}/{splits.Length}";
                perFold[f] = TrainFold(samples, candidates, splits[f], seed + f);
            }

            var runs = new MineRun[candidates.Count];
            for (int k = 0; k < candidates.Count; k++)
            {
                double nats = 0, variance = 0;
                double estimationRows = perFold.Sum(fold => fold[k].EstimationRows);
                foreach (FoldResult[] fold in perFold)
                {
                    double weight = fold[k].EstimationRows / estimationRows;
                    nats += weight * fold[k].Estimate.Nats;
                    variance += weight * weight * fold[k].Estimate.StandardError * fold[k].Estimate.StandardError;
                }
                // Floored once, after averaging: flooring each fold first would bias an independent pair upwards.
                var estimate = new BoundEvaluation(nats, Math.Sqrt(variance)).FloorAtZero();
                runs[k] = new MineRun(estimate, perFold[0][k].TrainingCurve, perFold[0][k].ValidationCurve, perFold.Sum(f => f[k].Steps));
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
        private sealed record FoldResult(BoundEvaluation Estimate, int EstimationRows, List<MineCurvePoint> TrainingCurve,
            List<MineCurvePoint> ValidationCurve, int Steps);

        private FoldResult[] TrainFold(PairedSamples samples, IReadOnlyList<int[]> candidates, SampleSplit split, int seed)
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
            using var inputs = new CandidateInputs(candidates, samples.XWidth, device);
            int count = inputs.Count;

            // Separate generators: training draws never shift the evaluation's permutations.
            using var trainingGenerator = new Generator((ulong)seed, device);
            using var evaluationGenerator = new Generator((ulong)seed ^ 0x5DEECE66DUL, device);
            using var network = new StatisticsNetwork(count, inputs.Width, samples.ZWidth, options.HiddenLayerSizes, trainingGenerator);
            network.to(device);
            Tensor[] parameters = network.parameters().ToArray<Tensor>();
            using var optimizer = new AdamOptimizer(network.parameters(), options.LearningRate);
            using DiscreteZ categories = discreteZ == null ? null : new DiscreteZ(
                zScale.Transform(discreteZ.Categories, Enumerable.Range(0, discreteZ.Count).ToArray()), samples.ZWidth,
                discreteZ.Frequencies(split.Training), device);
            int[] monitorCategories = discreteZ?.CategoriesOf(split.Monitoring);
            int[] estimateCategories = discreteZ?.CategoriesOf(split.Estimation);
            MineObjective objective = MineObjective.Create(options, count, categories);

            var trainingCurves = NewCurves(count);
            var validationCurves = NewCurves(count);
            // The baseline is a constant T, which scores exactly 0 under every bound: a candidate's network is
            // kept only once it beats 0 on the early-stopping rows.
            Tensor[] best = parameters.Select(p => p.detach().clone()).ToArray();
            var bestValue = new double[count];
            var hasBest = new bool[count];
            var sinceBest = new int[count];
            var intervalSum = new double[count];
            int step = 0, intervalSteps = 0;

            while (step < options.MaxSteps && sinceBest.Any(s => s < options.EarlyStoppingPatience))
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
                for (int k = 0; k < count; k++)
                    intervalSum[k] += batchBounds[k];
                intervalSteps++;

                if (step % options.EvaluationInterval != 0 && step != options.MaxSteps)
                    continue;

                network.eval();
                BoundEvaluation[] held = objective.Evaluate(network, inputs, xMonitor, zMonitor, monitorCategories, evaluationGenerator, options.CancellationToken);
                network.train();
                for (int k = 0; k < count; k++)
                {
                    trainingCurves[k].Add(new MineCurvePoint(step, intervalSum[k] / intervalSteps));
                    validationCurves[k].Add(new MineCurvePoint(step, held[k].Nats));
                    intervalSum[k] = 0;
                    if (held[k].Nats > bestValue[k])
                    {
                        bestValue[k] = held[k].Nats;
                        hasBest[k] = true;
                        sinceBest[k] = 0;
                        CopyCandidate(parameters, best, k);
                    }
                    else
                    {
                        sinceBest[k]++;
                    }
                }
                intervalSteps = 0;
                LogProgress(step, trainingCurves, held, bestValue, sinceBest);
            }

            for (int k = 0; k < count; k++)
                CopyCandidate(best, parameters, k);
            network.eval();
            using var estimationGenerator = new Generator((ulong)seed ^ 0x2545F4914F6CDD1DUL, device);
            BoundEvaluation[] estimates = objective.Evaluate(network, inputs, xEstimate, zEstimate, estimateCategories, estimationGenerator, options.CancellationToken);
            foreach (Tensor t in best)
                t.Dispose();

            var results = new FoldResult[count];
            for (int k = 0; k < count; k++)
            {
                // A candidate that never beat the constant T (exactly 0 under every bound) keeps the constant.
                BoundEvaluation estimate = hasBest[k] ? estimates[k] : BoundEvaluation.Zero;
                results[k] = new FoldResult(estimate, split.Estimation.Length, trainingCurves[k], validationCurves[k], step);
            }
            return results;
        }

        private void LogProgress(int step, List<MineCurvePoint>[] trainingCurves, BoundEvaluation[] held, double[] bestValue, int[] sinceBest)
        {
            options.Progress?.Report(new MineProgress(foldStage ?? Stage, step, options.MaxSteps, held.Length,
                sinceBest.Count(s => s < options.EarlyStoppingPatience), bestValue.Max()));
            if (channel == null)
                return;
            if (held.Length == 1)
            {
                channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: training bound {2} nats, held-out bound {3} nats (best {4}).",
                    step, options.MaxSteps, Format(trainingCurves[0][^1].Nats), Format(held[0].Nats), Format(bestValue[0]));
                return;
            }
            channel.Info(MessageSensitivity.None, "MINE step {0}/{1}: {2} candidates, {3} still improving; best held-out bounds from {4} to {5} nats.",
                step, options.MaxSteps, held.Length, sinceBest.Count(s => s < options.EarlyStoppingPatience),
                Format(bestValue.Min()), Format(bestValue.Max()));
        }

        /// <summary>Marginal Gaussianisation (or standardisation) of one side, fitted on the training rows.</summary>
        private static IRowTransform Scale(float[] data, int width, int[] training, bool gaussianize)
            => gaussianize ? MarginalGaussianizer.Fit(data, width, training) : Standardizer.Fit(data, width, training);

        private Tensor ToTensor(float[] rowMajor, int width)
            => tensor(rowMajor, new long[] { rowMajor.Length / width, width }, device: device);

        private static List<MineCurvePoint>[] NewCurves(int count)
            => Enumerable.Range(0, count).Select(_ => new List<MineCurvePoint>()).ToArray();

        /// <summary>Copies candidate <paramref name="k"/>'s slice of every parameter from one set to the other.</summary>
        private static void CopyCandidate(Tensor[] from, Tensor[] to, int k)
        {
            using (no_grad())
            {
                for (int i = 0; i < from.Length; i++)
                {
                    using Tensor target = to[i][k];
                    using Tensor source = from[i][k];
                    target.copy_(source);
                }
            }
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
