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
    /// The candidates still training, as one batched statistics network with its optimizer and its objective's
    /// per-candidate state. Position p of the network is candidate <see cref="Active"/>[p]; when candidates stop, the
    /// network, the optimizer's moments and the objective are cut down to the ones left (compaction), so a step costs
    /// what the remaining candidates cost.
    /// </summary>
    internal sealed class BatchedCandidates : IDisposable
    {
        private readonly IReadOnlyList<int[]> candidates;
        private readonly int dimensions;
        private readonly int width;
        private readonly Device device;
        private readonly MineObjective objective;
        private StatisticsNetwork network;
        private AdamOptimizer optimizer;
        private CandidateInputs inputs;

        /// <param name="network">The freshly initialised network of every candidate.</param>
        /// <param name="objective">The bound it trains, for every candidate.</param>
        /// <param name="candidates">The X dimensions each candidate sees.</param>
        /// <param name="dimensions">X's dimensions.</param>
        /// <param name="width">The widest candidate's dimensions: every network's input width.</param>
        /// <param name="learningRate">Adam's step size.</param>
        /// <param name="device">Where the networks run.</param>
        public BatchedCandidates(StatisticsNetwork network, MineObjective objective, IReadOnlyList<int[]> candidates, int dimensions, int width,
            double learningRate, Device device)
        {
            this.network = network;
            this.objective = objective;
            this.candidates = candidates;
            this.dimensions = dimensions;
            this.width = width;
            this.device = device;
            optimizer = new AdamOptimizer(network.parameters(), learningRate);
            inputs = new CandidateInputs(candidates, dimensions, device, width);
            Active = Enumerable.Range(0, candidates.Count).ToArray();
        }

        /// <summary>The candidates still training, as indices into the fit's candidates, in network order.</summary>
        public int[] Active { get; private set; }

        /// <summary>The network of the active candidates.</summary>
        public StatisticsNetwork Network => network;

        /// <summary>
        /// One optimisation step on <paramref name="batchSize"/> training rows drawn with <paramref name="generator"/>;
        /// returns false, without stepping, when a batch bound is not finite. <paramref name="batchBounds"/> gets each
        /// active candidate's bound on the batch.
        /// </summary>
        public bool Step(Tensor xTraining, Tensor zTraining, int batchSize, Generator generator, out double[] batchBounds)
        {
            using (NewDisposeScope())
            {
                Tensor rows = randint(xTraining.shape[0], new long[] { batchSize }, generator: generator, device: device);
                Tensor loss = objective.TrainingLoss(network, inputs.Gather(xTraining.index_select(0, rows)), zTraining.index_select(0, rows), generator, out batchBounds);
                if (!batchBounds.All(double.IsFinite))
                    return false;
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                return true;
            }
        }

        /// <summary>Each active candidate's bound on held-out rows (<paramref name="categories"/>: their categories when Z is discrete).</summary>
        public BoundEvaluation[] Evaluate(Tensor x, Tensor z, int[] categories, Generator generator, CancellationToken cancellation)
        {
            network.eval();
            BoundEvaluation[] held = objective.Evaluate(network, inputs, x, z, categories, generator, cancellation);
            network.train();
            return held;
        }

        /// <summary>Cuts the network, the optimizer's state and the objective's down to <paramref name="still"/>, a subset of <see cref="Active"/>.</summary>
        public void KeepOnly(int[] still)
        {
            int[] positions = still.Select(k => Array.IndexOf(Active, k)).ToArray();
            using Tensor index = tensor(Array.ConvertAll(positions, p => (long)p), device: device);
            StatisticsNetwork smaller = network.Subset(index);
            AdamOptimizer smallerOptimizer = optimizer.Subset(smaller.parameters(), index);
            network.Dispose();
            optimizer.Dispose();
            inputs.Dispose();
            (network, optimizer) = (smaller, smallerOptimizer);
            objective.KeepCandidates(positions);
            inputs = new CandidateInputs(still.Select(k => candidates[k]).ToList(), dimensions, device, width);
            Active = still;
        }

        /// <summary>Stops every candidate: none is left active (nothing to cut down).</summary>
        public void StopAll() => Active = Array.Empty<int>();

        public void Dispose()
        {
            network.Dispose();
            optimizer.Dispose();
            inputs.Dispose();
        }
    }
}
