using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mine.MLNet.Estimation.Bounds;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// A group of candidates still training, as one batched statistics network with its optimizer, its objective's
    /// per-candidate state and its own copies of the fit's generators. Position p of the network is candidate
    /// <see cref="Active"/>[p]; when candidates stop, the network, the optimizer's moments and the objective are cut down
    /// to the ones left (compaction), so a step costs what the remaining candidates cost.
    /// </summary>
    /// <remarks>
    /// Every group of a fit starts from copies of the same generator states and makes the same draws in the same order
    /// (the batch rows, the shuffled pairs, the held-out permutations), and a candidate's arithmetic involves only its own
    /// slice of the batched tensors: a candidate sees the same batches whichever group it is in, and its numbers can differ
    /// only in the last bits (libtorch's vectorised loops treat a tensor's last elements apart). The number of groups is
    /// therefore fixed by the candidates alone (<see cref="StatisticsNetworkFitter.GroupCount"/>).
    /// </remarks>
    internal sealed class BatchedCandidates : IDisposable
    {
        private readonly IReadOnlyList<int[]> candidates;
        private readonly int dimensions;
        private readonly int width;
        private readonly Device device;
        private readonly MineObjective objective;
        private readonly Generator training;
        private readonly Generator evaluation;
        private readonly double averaging;
        private StatisticsNetwork network;
        private StatisticsNetwork averaged;
        private long averagedSteps;
        private AdamOptimizer optimizer;
        private CandidateInputs inputs;
        private double[] intervalSums;
        private int intervalSteps;

        /// <param name="network">The group's freshly initialised networks, in the order of <paramref name="members"/>.</param>
        /// <param name="objective">The bound they train, for the group's candidates.</param>
        /// <param name="members">The group's candidates, as indices into <paramref name="candidates"/>.</param>
        /// <param name="candidates">The X dimensions each of the fit's candidates sees.</param>
        /// <param name="dimensions">X's dimensions.</param>
        /// <param name="width">The widest candidate's dimensions: every network's input width.</param>
        /// <param name="learningRate">Adam's step size.</param>
        /// <param name="trainingState">The fit's training generator state after the networks were drawn.</param>
        /// <param name="evaluationState">The fit's evaluation generator state.</param>
        /// <param name="device">Where the networks run.</param>
        /// <param name="averaging">Decay of the exponential moving average of the weights that is evaluated and kept (0: the weights themselves).</param>
        public BatchedCandidates(StatisticsNetwork network, MineObjective objective, int[] members, IReadOnlyList<int[]> candidates, int dimensions, int width,
            double learningRate, Tensor trainingState, Tensor evaluationState, Device device, double averaging = 0)
        {
            this.network = network;
            this.averaging = averaging;
            if (averaging > 0)
            {
                using Tensor every = tensor(Enumerable.Range(0, members.Length).Select(k => (long)k).ToArray(), device: device);
                averaged = network.Subset(every);
            }
            this.objective = objective;
            this.candidates = candidates;
            this.dimensions = dimensions;
            this.width = width;
            this.device = device;
            training = Copy(trainingState, device);
            evaluation = Copy(evaluationState, device);
            optimizer = new AdamOptimizer(network.parameters(), learningRate);
            inputs = new CandidateInputs(members.Select(k => candidates[k]).ToList(), dimensions, device, width);
            Active = members;
            intervalSums = new double[members.Length];
        }

        /// <summary>The group's candidates still training, as indices into the fit's candidates, in network order.</summary>
        public int[] Active { get; private set; }

        /// <summary>The network of the active candidates that is evaluated and kept: the weights' moving average when averaging.</summary>
        public StatisticsNetwork Network => averaged ?? network;

        /// <summary>
        /// Trains steps <paramref name="from"/> + 1 to <paramref name="until"/> on batches of <paramref name="batchSize"/>
        /// training rows, adding each batch's bounds to the interval sums. Returns <paramref name="until"/>, or the first step
        /// whose batch bound was not finite (that step does not update the networks and is not added).
        /// </summary>
        public int TrainUntil(int from, int until, Tensor xTraining, Tensor zTraining, int batchSize, CancellationToken cancellation)
        {
            for (int step = from + 1; step <= until; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using (NewDisposeScope())
                {
                    Tensor rows = randint(xTraining.shape[0], new long[] { batchSize }, generator: training, device: device);
                    Tensor loss = objective.TrainingLoss(network, inputs.Gather(xTraining.index_select(0, rows)), zTraining.index_select(0, rows), training, out double[] batchBounds);
                    if (!batchBounds.All(double.IsFinite))
                        return step;
                    optimizer.ZeroGrad();
                    loss.backward();
                    optimizer.Step();
                    if (averaged != null)
                        Average();
                    for (int p = 0; p < batchBounds.Length; p++)
                        intervalSums[p] += batchBounds[p];
                    intervalSteps++;
                }
            }
            return until;
        }

        /// <summary>
        /// Each active candidate's mean training bound since the last call, and its bound on held-out rows
        /// (<paramref name="categories"/>: their categories when Z is discrete); the interval starts again.
        /// </summary>
        public (double[] MeanTrainingBounds, BoundEvaluation[] HeldOut) Evaluate(Tensor x, Tensor z, int[] categories, CancellationToken cancellation)
        {
            var means = new double[Active.Length];
            for (int p = 0; p < means.Length; p++)
                means[p] = intervalSums[p] / intervalSteps;
            Array.Clear(intervalSums);
            intervalSteps = 0;
            StatisticsNetwork evaluated = Network;
            evaluated.eval();
            BoundEvaluation[] held = objective.Evaluate(evaluated, inputs, x, z, categories, evaluation, cancellation);
            evaluated.train();
            return (means, held);
        }

        /// <summary>Cuts the network, the optimizer's state and the objective's down to <paramref name="still"/>, a subset of <see cref="Active"/>.</summary>
        public void KeepOnly(int[] still)
        {
            if (still.Length == Active.Length)
                return;
            if (still.Length == 0)
            {
                Active = still;
                return;
            }
            int[] positions = still.Select(k => Array.IndexOf(Active, k)).ToArray();
            using Tensor index = tensor(Array.ConvertAll(positions, p => (long)p), device: device);
            StatisticsNetwork smaller = network.Subset(index);
            AdamOptimizer smallerOptimizer = optimizer.Subset(smaller.parameters(), index);
            if (averaged != null)
            {
                StatisticsNetwork smallerAverage = averaged.Subset(index);
                averaged.Dispose();
                averaged = smallerAverage;
            }
            network.Dispose();
            optimizer.Dispose();
            inputs.Dispose();
            (network, optimizer) = (smaller, smallerOptimizer);
            objective.KeepCandidates(positions);
            inputs = new CandidateInputs(still.Select(k => candidates[k]).ToList(), dimensions, device, width);
            intervalSums = Array.ConvertAll(positions, p => intervalSums[p]);
            Active = still;
        }

        /// <summary>Moves the averaged network one step towards the trained one.</summary>
        private void Average()
        {
            averagedSteps++;
            WeightAveraging.Update(averaged.parameters().ToArray<Tensor>(), network.parameters().ToArray<Tensor>(), WeightAveraging.Rate(averaging, averagedSteps));
        }

        public void Dispose()
        {
            averaged?.Dispose();
            network.Dispose();
            optimizer.Dispose();
            inputs.Dispose();
            training.Dispose();
            evaluation.Dispose();
        }

        private static Generator Copy(Tensor state, Device device)
        {
            var generator = new Generator(0, device);
            generator.set_state(state);
            return generator;
        }
    }
}
