using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using Mine.MLNet.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>
    /// Trains the information-bottleneck classifier (paper section 5.3): minimises cross-entropy + beta * I(X;Z)
    /// (eq. 20), with I(X;Z) the Donsker-Varadhan bound (eq. 10) of a statistics network T(x, z) that is trained at
    /// the same time to maximise it, using the moving-average gradient of section 3.2.
    /// </summary>
    internal sealed class BottleneckTrainingLoop
    {
        /// <summary>Rows per forward pass when predicting, to bound memory.</summary>
        private const int PredictionChunk = 4096;

        /// <summary>At most this many held-out rows for the final I(X;Z) estimate.</summary>
        private const int EstimationRows = 10000;

        private readonly InformationBottleneckOptions options;
        private readonly Device device;
        private readonly IChannel channel;

        public BottleneckTrainingLoop(InformationBottleneckOptions options, Device device, IChannel channel)
        {
            this.options = options;
            this.device = device;
            this.channel = channel;
        }

        /// <summary>Trains on <paramref name="features"/> (row-major, <paramref name="width"/> per row) and 0-based <paramref name="labels"/>.</summary>
        public BottleneckRun Train(float[] features, int[] labels, int width, int classes, int seed)
        {
            // Every tensor made here, temporaries included, stays reachable from this scope until training ends, so no
            // finalizer can free one while libtorch reads it. The network's layers detach their own parameters.
            using var runScope = NewDisposeScope();
            using TorchThreadLease threads = TorchThreadLease.Acquire(options.NumberOfThreads ?? TorchThreadLease.Automatic);
            (int[] training, int[] validation) = SampleSplit.TrainAndHoldOut(labels.Length, options.ValidationFraction, seed);
            int held = validation.Length;
            Standardizer standardizer = Standardizer.Fit(features, width, training);

            using var generator = new Generator((ulong)seed, device);
            var network = new BottleneckNetwork(options.Encoder, width, options.EncoderHiddenLayerSizes, options.BottleneckSize,
                classes, options.NoiseStandardDeviation, generator);
            using var statistics = new StatisticsNetwork(1, width, options.BottleneckSize, options.StatisticsNetworkHiddenLayerSizes, generator);
            network.to(device);
            statistics.to(device);
            int samples = options.EvaluationSamples;
            using Tensor evaluationNoise = samples == 1
                ? zeros(new long[] { 1, 1, network.NoiseWidth }, device: device)
                : randn(new long[] { 1, samples, network.NoiseWidth }, generator: generator, device: device);

            using Tensor trainX = Rows(standardizer, features, width, training);
            using Tensor trainY = Labels(labels, training);
            using Tensor heldX = held > 0 ? Rows(standardizer, features, width, validation) : null;
            using Tensor heldY = held > 0 ? Labels(labels, validation) : null;

            var objective = new DonskerVaradhanObjective(options.MovingAverageRate, 1);
            using var optimizer = new AdamOptimizer(network.parameters().Concat(statistics.parameters()), options.LearningRate);
            using ParameterAverage average = options.ParameterAveragingDecay > 0 ? new ParameterAverage(network.parameters(), options.ParameterAveragingDecay) : null;
            var history = new List<InformationBottleneckEpoch>();
            var clock = Stopwatch.StartNew();
            for (int epoch = 1; epoch <= options.NumberOfEpochs; epoch++)
            {
                if (options.TrainingTimeLimit is TimeSpan limit && clock.Elapsed >= limit)
                {
                    channel.Info(MessageSensitivity.None, "Information bottleneck: TrainingTimeLimit {0} reached after {1} epochs.", limit, epoch - 1);
                    break;
                }
                optimizer.LearningRate = options.LearningRate * Math.Pow(options.LearningRateDecay, (epoch - 1) / options.LearningRateDecayEpochs);
                network.train();
                statistics.train();
                (double crossEntropy, double mutualInformation) = Epoch(network, statistics, objective, optimizer, average, trainX, trainY, generator, threads);
                double? accuracy = heldX is null ? null : AveragedAccuracy(network, average, heldX, heldY, evaluationNoise);
                var record = new InformationBottleneckEpoch(epoch, crossEntropy + options.Beta * mutualInformation, crossEntropy, mutualInformation, accuracy);
                history.Add(record);
                options.Progress?.Report(record);
                channel.Info(MessageSensitivity.None, "Information bottleneck {0}/{1}: {2}", epoch, options.NumberOfEpochs, record);
            }

            // The fitted model predicts with the averaged weights; the final estimate measures that encoder, with a
            // statistics network refreshed on its codes (T trained against the moving weights, not their average).
            if (average != null)
            {
                average.Swap();
                Refresh(network, statistics, trainX, generator, optimizer.LearningRate);
            }
            string rowsMeasured = held > 0 ? "held-out" : "training";
            // The estimate is the bound of min(T, c) (eq. 10 holds for every T, so it stays a lower bound), c fixed before
            // the rows it is applied to are scored: on held-out rows, cross-fitted over two halves (CrossFittedScoreCap);
            // without them, T's highest score on the training rows' own pairs. Uncapped, one MNIST seed's held-out bound was
            // -90 +- 89 nats, capped at that highest score -2.8 +- 5.7, while the same T gave 3.22 +- 0.02 on training rows.
            // On one libtorch thread whatever the lease holds: scored in halves, the values otherwise moved in the tenth
            // decimal between one thread and two (AClassifierIsTheSameWithOneThreadAndWithTwo).
            using var oneThread = CallingThreadTorchThreads.One();
            float[] trainingJoint = TrainingJointScores(network, statistics, trainX, generator);
            var evaluation = new DonskerVaradhanObjective(options.MovingAverageRate, 1) { ScoreCap = trainingJoint.Max() };
            // One noise draw and one set of shuffles for every evaluation of the same rows, so capped and uncapped compare.
            ulong evaluationSeed = (ulong)seed + 1;
            // The same bound on training rows: what T learnt, measured the way the estimate is (a minibatch bound is not).
            BoundEvaluation onTraining = Estimate(network, statistics, evaluation, trainX, evaluationSeed);
            BoundEvaluation atHighest = held > 0 ? Estimate(network, statistics, evaluation, heldX, evaluationSeed) : onTraining;
            BoundEvaluation uncapped = Estimate(network, statistics, objective, heldX ?? trainX, evaluationSeed);
            (BoundEvaluation bound, double firstCap, double secondCap) = held >= 2 * MarginalScores.JackknifeGroups
                ? CrossFitted(network, statistics, evaluation, heldX, CrossFittedScoreCap.Candidates(trainingJoint), evaluationSeed)
                : (atHighest, evaluation.ScoreCap, evaluation.ScoreCap);
            BoundEvaluation estimate = bound.FloorAtZero();
            channel.Info(MessageSensitivity.None, "Information bottleneck: final I(X;Z) on {0} rows {1:F3} +- {2:F3} nats (T capped at {3:F3} and {4:F3} on the two halves, " +
                "each cap chosen on the other half; on training rows {5:F3} +- {6:F3} and on {0} rows {7:F3} +- {8:F3} with T capped at {9:F3}, its highest score on training pairs; " +
                "uncapped {10:F3} +- {11:F3}).",
                rowsMeasured, estimate.Nats, estimate.StandardError, firstCap, secondCap, onTraining.Nats, onTraining.StandardError,
                atHighest.Nats, atHighest.StandardError, evaluation.ScoreCap, uncapped.Nats, uncapped.StandardError);
            if (held > 0 && Math.Abs(bound.Nats - onTraining.Nats) > Agreement * BoundEvaluation.StandardErrorOfDifference(bound, onTraining))
            {
                channel.Warning(MessageSensitivity.None,
                    "Information bottleneck: the final I(X;Z) on held-out rows, {0:F3} +- {1:F3} nats, differs from the same bound on training rows, {2:F3} +- {3:F3}, " +
                    "by more than {4} standard errors: {5}. The held-out value is the one reported.",
                    bound.Nats, bound.StandardError, onTraining.Nats, onTraining.StandardError, Agreement,
                    bound.Nats < onTraining.Nats
                        ? "T scores the training rows' codes higher than new rows' (it has fitted the training rows; more rows, or a smaller StatisticsNetworkHiddenLayerSizes, help)"
                        : "T scores new rows higher than the rows it trained on, which only noise in a small held-out part explains (raise ValidationFraction)");
            }
            // I(X;Z) >= 0, so a negative bound means T never caught up, lost track (docs/regulariser.md), or scores some
            // unseen pairs far above the rest; the estimate then says nothing about I(X;Z).
            if (history.Count > 0 && history[^1].MutualInformation < 0)
            {
                channel.Warning(MessageSensitivity.None,
                    "Information bottleneck: the statistics network's mean training bound in the last epoch was {0:G4} nats, below 0, so it has not tracked I(X;Z); " +
                    "the final estimate {1:F3} +- {2:F3} nats is not reliable (train longer, or see docs/regulariser.md).",
                    history[^1].MutualInformation, estimate.Nats, estimate.StandardError);
            }
            if (bound.Nats < 0)
            {
                // On MNIST seed 1 T gave 3.2 nats on training rows and -2.8 +- 5.7 on held-out ones (uncapped -91 +- 89):
                // a few shuffled held-out pairs scored as high as T's best training pair and decided log E_Q[e^T].
                string why = held > 0 && onTraining.Nats > 0
                    ? string.Format(CultureInfo.InvariantCulture,
                        "on training rows the same T gives {0:F3} +- {1:F3}, so T scores a few shuffled held-out pairs (a row with another row's code) " +
                        "as high as the rows' own pairs, and those few pairs decide log E_Q[e^T]", onTraining.Nats, onTraining.StandardError)
                    : "T never learnt to tell the rows' own codes from other rows' codes";
                channel.Warning(MessageSensitivity.None,
                    "Information bottleneck: the statistics network's final bound on {0} rows was {1:G4} +- {2:G4} nats, below 0, so the reported I(X;Z) " +
                    "(0 after flooring) says nothing about the encoder: {3} (see docs/regulariser.md).",
                    rowsMeasured, bound.Nats, bound.StandardError, why);
            }
            float[] noise = evaluationNoise.cpu().data<float>().ToArray();
            return new BottleneckRun(network, standardizer, noise, samples, history, estimate, classes);
        }

        /// <summary>Class probabilities [n, C] of standardised rows <paramref name="x"/> under the prediction-time noise.</summary>
        public static Tensor Predict(BottleneckNetwork network, Tensor x, Tensor evaluationNoise)
        {
            network.eval();
            using (no_grad())
            {
                var chunks = new List<Tensor>();
                for (long start = 0; start < x.shape[0]; start += PredictionChunk)
                    chunks.Add(network.Probabilities(x.narrow(0, start, Math.Min(PredictionChunk, x.shape[0] - start)), evaluationNoise));
                return cat(chunks, 0);
            }
        }

        private (double CrossEntropy, double MutualInformation) Epoch(BottleneckNetwork network, StatisticsNetwork statistics,
            MineObjective objective, AdamOptimizer optimizer, ParameterAverage average, Tensor trainX, Tensor trainY, Generator generator, TorchThreadLease threads)
        {
            long rows = trainX.shape[0];
            int batch = (int)Math.Min(options.BatchSize, rows);
            using Tensor order = randperm(rows, generator: generator, device: device);
            double crossEntropySum = 0, boundSum = 0, previousBound = 0;
            int batches = 0;
            // Full batches only: the shuffled marginal of a tiny last batch would be a poor sample.
            for (long start = 0; start + batch <= rows; start += batch)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                threads.Refresh();
                using var scope = NewDisposeScope();
                Tensor index = order.narrow(0, start, batch);
                Tensor x = trainX.index_select(0, index);
                Tensor y = trainY.index_select(0, index);
                Tensor noise = randn(new long[] { batch, 1, network.NoiseWidth }, generator: generator, device: device);
                Tensor z = network.Encode(x, noise).squeeze(1);
                Tensor crossEntropy = nn.functional.cross_entropy(network.Decoder.forward(z), y);

                // One backward pass serves both players (eq. 20). T sees z's value, but the gradient reaching the
                // encoder through it is multiplied by -beta: T maximises the Donsker-Varadhan bound (eq. 10, gradient
                // corrected by the moving average of section 3.2), the encoder minimises beta times the same bound.
                // I(X;Z) >= 0, so a negative bound only means T lags behind the encoder; the encoder is not rewarded
                // for driving it below 0 (beta * max(bound, 0), judged by the previous batch's bound). Without this
                // floor the bound ran away to -17,000 nats on MNIST at learning rate 1e-4 (docs/regulariser.md).
                double pressure = previousBound > 0 ? options.Beta : 0;
                Tensor zForStatistics = z.detach() - ScalarArithmetic.Multiply(z - z.detach(), pressure);
                Tensor mineLoss = objective.TrainingLoss(statistics, x.unsqueeze(0), zForStatistics, generator, out double[] bounds);
                optimizer.ZeroGrad();
                ScalarArithmetic.Add(crossEntropy, mineLoss).backward();
                optimizer.Step();
                average?.Update();

                crossEntropySum += crossEntropy.item<float>();
                boundSum += bounds[0];
                previousBound = bounds[0];
                batches++;
            }
            return (crossEntropySum / batches, boundSum / batches);
        }

        /// <summary>Standard errors of their difference within which the held-out estimate and the same bound on training rows should agree.</summary>
        private const double Agreement = 3;

        /// <summary>Optimisation steps of the final refresh of T: one pass over the training rows, within these limits.</summary>
        private const int MinimumRefreshSteps = 100, MaximumRefreshSteps = 1000;

        /// <summary>
        /// Trains T alone (the encoder frozen, as it ships) on the training rows' codes for one pass over them, between
        /// <see cref="MinimumRefreshSteps"/> and <see cref="MaximumRefreshSteps"/> steps, with a fresh Adam at the last epoch's
        /// rate and a fresh moving average. Without it, T was fitted to codes of the moving weights; with averaging, the
        /// shipped encoder's codes differ from every code T saw.
        /// </summary>
        private void Refresh(BottleneckNetwork network, StatisticsNetwork statistics, Tensor trainX, Generator generator, double learningRate)
        {
            long rows = trainX.shape[0];
            int batch = (int)Math.Min(options.BatchSize, rows);
            int steps = (int)Math.Clamp(rows / batch, MinimumRefreshSteps, MaximumRefreshSteps);
            var objective = new DonskerVaradhanObjective(options.MovingAverageRate, 1);
            using var optimizer = new AdamOptimizer(statistics.parameters(), learningRate);
            network.eval();
            statistics.train();
            for (int step = 0; step < steps; step++)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                Tensor index = randint(rows, new long[] { batch }, generator: generator, device: device);
                Tensor x = trainX.index_select(0, index);
                Tensor z;
                using (no_grad())
                    z = network.Encode(x, randn(new long[] { batch, 1, network.NoiseWidth }, generator: generator, device: device)).squeeze(1);
                Tensor loss = objective.TrainingLoss(statistics, x.unsqueeze(0), z, generator, out _);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
            }
        }

        /// <summary>Validation accuracy of the weights the model would ship with now: the averaged ones when averaging.</summary>
        private static double AveragedAccuracy(BottleneckNetwork network, ParameterAverage average, Tensor x, Tensor y, Tensor evaluationNoise)
        {
            average?.Swap();
            try
            {
                return Accuracy(network, x, y, evaluationNoise);
            }
            finally
            {
                average?.Swap();
            }
        }

        private static double Accuracy(BottleneckNetwork network, Tensor x, Tensor y, Tensor evaluationNoise)
        {
            using var scope = NewDisposeScope();
            Tensor predicted = Predict(network, x, evaluationNoise).argmax(1);
            return predicted.eq(y).to_type(ScalarType.Float64).mean().item<double>();
        }

        /// <summary>The scores T gives the own pairs (x_i, z_i) of up to <see cref="EstimationRows"/> training rows, with fresh noise.</summary>
        private float[] TrainingJointScores(BottleneckNetwork network, StatisticsNetwork statistics, Tensor trainX, Generator generator)
            => Scored(network, statistics, trainX, generator, (rows, z, inputs) => ProductOfMarginalsObjective.JointScores(statistics, inputs, rows, z, options.CancellationToken)[0]);

        /// <summary>
        /// The bound of min(T, c) cross-fitted over the two halves of the held-out rows <paramref name="heldX"/> (their order is
        /// already random), c chosen among <paramref name="candidates"/> on the other half (<see cref="CrossFittedScoreCap"/>).
        /// </summary>
        private (BoundEvaluation Bound, double FirstCap, double SecondCap) CrossFitted(BottleneckNetwork network, StatisticsNetwork statistics,
            DonskerVaradhanObjective evaluation, Tensor heldX, double[] candidates, ulong evaluationSeed)
        {
            long rows = Math.Min(EstimationRows, heldX.shape[0]), first = rows / 2;
            return CrossFittedScoreCap.Evaluate(candidates,
                HalfScores(network, statistics, evaluation, heldX.narrow(0, 0, first), evaluationSeed),
                HalfScores(network, statistics, evaluation, heldX.narrow(0, first, rows - first), evaluationSeed + 1));
        }

        private (float[] Joint, MarginalScores Marginal) HalfScores(BottleneckNetwork network, StatisticsNetwork statistics,
            DonskerVaradhanObjective evaluation, Tensor half, ulong evaluationSeed)
        {
            using var generator = new Generator(evaluationSeed, device);
            return Scored(network, statistics, half, generator, (rows, z, inputs) => evaluation.ShuffledScores(statistics, inputs, rows, z, generator, options.CancellationToken));
        }

        /// <summary>The Donsker-Varadhan bound of the trained T on rows the statistics network never trained on (when there are any), not floored.</summary>
        private BoundEvaluation Estimate(BottleneckNetwork network, StatisticsNetwork statistics, MineObjective objective, Tensor x, ulong evaluationSeed)
        {
            using var generator = new Generator(evaluationSeed, device);
            return Scored(network, statistics, x, generator, (rows, z, inputs) => objective.Evaluate(statistics, inputs, rows, z, null, generator, options.CancellationToken)[0]);
        }

        /// <summary>
        /// <paramref name="score"/> of up to <see cref="EstimationRows"/> of the rows <paramref name="x"/>, their codes (one noise
        /// draw from <paramref name="generator"/>) and the statistics network's inputs, with both networks in evaluation mode.
        /// </summary>
        private TResult Scored<TResult>(BottleneckNetwork network, StatisticsNetwork statistics, Tensor x, Generator generator, Func<Tensor, Tensor, CandidateInputs, TResult> score)
        {
            network.eval();
            statistics.eval();
            using var scope = NewDisposeScope();
            using (no_grad())
            {
                Tensor rows = x.narrow(0, 0, Math.Min(EstimationRows, x.shape[0]));
                Tensor z = network.Encode(rows, randn(new long[] { rows.shape[0], 1, network.NoiseWidth }, generator: generator, device: device)).squeeze(1);
                using var inputs = new CandidateInputs(new[] { Enumerable.Range(0, (int)rows.shape[1]).ToArray() }, (int)rows.shape[1], device);
                return score(rows, z, inputs);
            }
        }

        private Tensor Rows(Standardizer standardizer, float[] features, int width, int[] rows)
            => tensor(standardizer.Transform(features, rows), new long[] { rows.Length, width }, device: device);

        private Tensor Labels(int[] labels, int[] rows)
            => tensor(Array.ConvertAll(rows, r => (long)labels[r]), device: device);
    }
}
