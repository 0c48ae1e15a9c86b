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
    /// Trains a statistics network on paired samples (paper Alg. 1) with early stopping on held-out rows,
    /// and reports the bound on a second, untouched held-out part.
    /// </summary>
    internal sealed class MineTrainer
    {
        private readonly MineOptions options;
        private readonly Device device;
        private readonly IChannel channel;

        public MineTrainer(MineOptions options, Device device, IChannel channel)
        {
            this.options = options;
            this.device = device;
            this.channel = channel;
        }

        public MineRun Train(PairedSamples samples, int seed)
        {
            SampleSplit split = SampleSplit.Create(samples.Rows, options.ValidationFraction, seed);
            Standardizer xScale = Standardizer.Fit(samples.X, samples.XWidth, split.Training);
            Standardizer zScale = Standardizer.Fit(samples.Z, samples.ZWidth, split.Training);

            using Tensor xTrain = ToTensor(xScale.Transform(samples.X, split.Training), samples.XWidth);
            using Tensor zTrain = ToTensor(zScale.Transform(samples.Z, split.Training), samples.ZWidth);
            using Tensor xMonitor = ToTensor(xScale.Transform(samples.X, split.Monitoring), samples.XWidth);
            using Tensor zMonitor = ToTensor(zScale.Transform(samples.Z, split.Monitoring), samples.ZWidth);
            using Tensor xEstimate = ToTensor(xScale.Transform(samples.X, split.Estimation), samples.XWidth);
            using Tensor zEstimate = ToTensor(zScale.Transform(samples.Z, split.Estimation), samples.ZWidth);

            // Separate generators: training draws never shift the evaluation's permutations.
            using var trainingGenerator = new Generator((ulong)seed, device);
            using var evaluationGenerator = new Generator((ulong)seed ^ 0x5DEECE66DUL, device);
            using var network = new StatisticsNetwork(samples.XWidth, samples.ZWidth, options.HiddenLayerSizes, trainingGenerator);
            network.to(device);
            using var optimizer = optim.Adam(network.parameters(), options.LearningRate);
            MineObjective objective = MineObjective.Create(options);

            var trainingCurve = new List<MineCurvePoint>();
            var validationCurve = new List<MineCurvePoint>();
            // The baseline is a constant T, which scores exactly 0 under every bound: a network is kept only
            // if it beats 0 on the early-stopping rows (null = constant).
            Tensor[] best = null;
            double bestValue = 0;
            int sinceBest = 0, step = 0;
            double intervalSum = 0;
            int intervalSteps = 0;
            int batch = options.BatchSize;

            while (step < options.MaxSteps && sinceBest < options.EarlyStoppingPatience)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                step++;
                double batchBound;
                using (NewDisposeScope())
                {
                    Tensor rows = randint(xTrain.shape[0], new long[] { batch }, generator: trainingGenerator, device: device);
                    Tensor loss = objective.TrainingLoss(network, xTrain.index_select(0, rows), zTrain.index_select(0, rows), trainingGenerator, out batchBound);
                    if (!double.IsFinite(batchBound))
                    {
                        channel?.Warning(MessageSensitivity.None, "MINE: the training bound became non-finite at step {0}; stopping with the best network so far.", step);
                        break;
                    }
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                intervalSum += batchBound;
                intervalSteps++;

                if (step % options.EvaluationInterval != 0 && step != options.MaxSteps)
                    continue;

                network.eval();
                double held = objective.Evaluate(network, xMonitor, zMonitor, evaluationGenerator, options.CancellationToken).Nats;
                network.train();
                trainingCurve.Add(new MineCurvePoint(step, intervalSum / intervalSteps));
                validationCurve.Add(new MineCurvePoint(step, held));
                intervalSum = 0;
                intervalSteps = 0;
                if (held > bestValue)
                {
                    bestValue = held;
                    best = Snapshot(network, best);
                    sinceBest = 0;
                }
                else
                {
                    sinceBest++;
                }
                channel?.Info(MessageSensitivity.None, "MINE step {0}/{1}: training bound {2} nats, held-out bound {3} nats (best {4}).",
                    step, options.MaxSteps, Format(trainingCurve[^1].Nats), Format(held), Format(bestValue));
            }

            BoundEvaluation estimate = BoundEvaluation.Zero;
            if (best != null)
            {
                Restore(network, best);
                network.eval();
                using var estimationGenerator = new Generator((ulong)seed ^ 0x2545F4914F6CDD1DUL, device);
                estimate = objective.Evaluate(network, xEstimate, zEstimate, estimationGenerator, options.CancellationToken).FloorAtZero();
                foreach (Tensor t in best)
                    t.Dispose();
            }
            return new MineRun(estimate, trainingCurve, validationCurve, step);
        }

        private Tensor ToTensor(float[] rowMajor, int width)
            => tensor(rowMajor, new long[] { rowMajor.Length / width, width }, device: device);

        /// <summary>Copies the network's parameters into <paramref name="previous"/> (allocated when null).</summary>
        private static Tensor[] Snapshot(StatisticsNetwork network, Tensor[] previous)
        {
            Tensor[] parameters = network.parameters().ToArray();
            previous ??= parameters.Select(p => p.detach().clone()).ToArray();
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                    previous[i].copy_(parameters[i]);
            }
            return previous;
        }

        private static void Restore(StatisticsNetwork network, Tensor[] snapshot)
        {
            Tensor[] parameters = network.parameters().ToArray();
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                    parameters[i].copy_(snapshot[i]);
            }
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
