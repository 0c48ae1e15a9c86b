using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Estimation.Engine;
using Mine.MLNet.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Selection.Amortized
{
    /// <summary>
    /// A trained <see cref="MaskedCritic"/> with the rows it is judged on: one network that scores every subset of the
    /// candidates. It trains on random masks (each row its own subset: a rate drawn uniformly, then each candidate kept with
    /// that rate), so that it has seen subsets of every size. Rows are split three ways: training rows, decision rows (early
    /// stopping and every choice a search makes) and estimation rows (the reported scores, read by nothing else); at most <see cref="DecisionRowLimit"/> decision rows. Below
    /// <see cref="CrossFittingRowLimit"/> non-estimation rows, F = 5 members are cross-fitted: each trains without one fold
    /// and is judged on it, so every such row is a decision row; the estimation rows are scored by the members' average.
    /// </summary>
    internal sealed class AmortizedCritic : IDisposable
    {
        /// <summary>Below this many training and decision rows together, five members are cross-fitted.</summary>
        public const int CrossFittingRowLimit = 1500;

        /// <summary>
        /// The most decision rows: every round of a search passes each candidate over them, so on a large table they would
        /// cost more than they tell (a gain's standard error shrinks as one over their square root). The rest of the
        /// early-stopping part trains.
        /// </summary>
        public const int DecisionRowLimit = 4096;

        /// <summary>Masks per decision row for the early-stopping loss.</summary>
        private const int MonitoringMasks = 4;

        /// <summary>Candidates per chunk when flipping candidates in a context (bounds memory: rows x chunk x hidden units).</summary>
        private const int FlipChunk = 64;

        /// <summary>
        /// The most floats a row set's candidate terms ([F, n, p, H]) may hold at once (32 MB): a larger set, such as the
        /// estimation rows of a 100,000-row table, is flipped in blocks of rows.
        /// </summary>
        private const long BlockFloats = 1L << 23;

        private readonly MaskedCritic network;
        private readonly Tensor candidateSlots;
        private readonly Device device;
        private readonly float[] logPrior;
        private readonly Dictionary<RowSet, Tensor> termsOfRows = new();

        private AmortizedCritic(MaskedCritic network, Tensor candidateSlots, RowSet decision, RowSet estimation, float[] logPrior, int candidates, Device device)
        {
            this.network = network;
            this.candidateSlots = candidateSlots;
            Decision = decision;
            Estimation = estimation;
            this.logPrior = logPrior;
            Candidates = candidates;
            this.device = device;
        }

        /// <summary>The number of candidates.</summary>
        public int Candidates { get; }

        /// <summary>The rows every choice is made on (each member's held-out fold, or the early-stopping rows).</summary>
        public RowSet Decision { get; }

        /// <summary>The rows the reported scores come from, read by nothing else.</summary>
        public RowSet Estimation { get; }

        /// <summary>
        /// Rows as the critic's members see them: X [F, n, d], the class index Y [F, n], and Valid [F, n] (1 for a row of
        /// that member, 0 for padding). With <see cref="Shared"/>, every member sees the same rows and their probabilities
        /// are averaged.
        /// </summary>
        internal sealed record RowSet(Tensor X, Tensor Y, Tensor Valid, int Rows, bool Shared) : IDisposable
        {
            /// <summary>Positions <paramref name="start"/> to start + <paramref name="length"/> of every member's rows (views).</summary>
            public RowSet Slice(long start, long length)
            {
                Tensor valid = Valid.narrow(1, start, length);
                int rows = Shared ? (int)length : (int)valid.sum().item<float>();
                return new RowSet(X.narrow(1, start, length), Y.narrow(1, start, length), valid, rows, Shared);
            }

            public void Dispose()
            {
                X.Dispose();
                Y.Dispose();
                Valid.Dispose();
            }
        }

        /// <summary>Splits, scales and trains. <paramref name="stage"/> names the progress reports.</summary>
        public static AmortizedCritic Fit(PairedSamples samples, IReadOnlyList<int[]> candidates, MineOptions options, Device device, int seed,
            IChannel channel, string stage)
        {
            using var scope = NewDisposeScope();
            int n = samples.Rows, d = samples.XWidth, p = candidates.Count;
            SampleSplit split = SampleSplit.Create(n, options.ValidationFraction, seed);
            int[] fitRows = split.Training.Concat(split.Monitoring).ToArray();
            int folds = fitRows.Length < CrossFittingRowLimit ? 5 : 1;
            (int[] Training, int[] Decision)[] members = folds == 1
                ? new[] { DecisionRowsAtMost(split.Training, split.Monitoring) }
                : Enumerable.Range(0, folds).Select(f => (
                    fitRows.Where((_, i) => i % folds != f).ToArray(),
                    fitRows.Where((_, i) => i % folds == f).ToArray())).ToArray();

            LabelClasses classes = LabelClasses.Of(samples.Z, samples.ZWidth, fitRows);
            IDimensionScaler scale = options.GaussianizeMarginals
                ? MarginalGaussianizer.Fit(samples.X, d, fitRows)
                : Standardizer.Fit(samples.X, d, fitRows);
            int[] everyRow = Enumerable.Range(0, n).ToArray();
            Tensor x = tensor(scale.Transform(samples.X, everyRow), new long[] { n, d }, device: device);
            Tensor y = tensor(Array.ConvertAll(classes.ClassOfRow, c => (long)c), device: device);
            float[] logPrior = classes.Frequencies(fitRows).Select(f => (float)Math.Log(Math.Max(f, 1e-12))).ToArray();

            var slots = new float[p * d];
            for (int c = 0; c < p; c++)
                foreach (int slot in candidates[c])
                    slots[c * d + slot] = 1f;
            Tensor candidateSlots = tensor(slots, new long[] { p, d }, device: device);

            int[] hidden = options.HiddenLayerSizes ?? DefaultHiddenLayers(d);
            using var generator = new Generator((ulong)seed, device);
            var network = new MaskedCritic(folds, d, classes.Count, hidden, generator);
            network.to(device);
            RowSet decision = Rows(x, y, members.Select(m => m.Decision).ToArray(), shared: false, device);
            RowSet estimation = Rows(x, y, Enumerable.Repeat(split.Estimation, folds).ToArray(), shared: true, device);
            var critic = new AmortizedCritic(network, candidateSlots.DetachFromDisposeScope(), decision.Detach(), estimation.Detach(), logPrior, p, device);
            critic.Train(x, y, members.Select(m => m.Training).ToArray(), options, generator, channel, stage, classes);
            return critic;
        }

        /// <summary>The first <see cref="DecisionRowLimit"/> of the early-stopping rows decide; the others join the training rows.</summary>
        private static (int[] Training, int[] Decision) DecisionRowsAtMost(int[] training, int[] monitoring)
            => monitoring.Length <= DecisionRowLimit
                ? (training, monitoring)
                : (training.Concat(monitoring.Skip(DecisionRowLimit)).ToArray(), monitoring.Take(DecisionRowLimit).ToArray());

        /// <summary>Two layers of 16 sqrt(slots) units, between 32 and 128.</summary>
        public static int[] DefaultHiddenLayers(int slots)
        {
            int units = Math.Clamp((int)Math.Ceiling(16 * Math.Sqrt(slots)), 32, 128);
            return new[] { units, units };
        }

        /// <summary>
        /// Per-row log q(y | x_S) on <paramref name="rows"/>, the subset S given as candidate flags, minus log p(y): the
        /// Donsker-Varadhan value of each row (its mean over rows is the bound on I(x_S; y)). One value per valid row.
        /// </summary>
        public double[] RowValues(RowSet rows, bool[] subset)
        {
            using var scope = NewDisposeScope();
            using (no_grad())
            {
                Tensor mask = SlotMask(subset).expand(rows.X.shape[0], rows.X.shape[1], network.Slots);
                Tensor logLikelihood = Pick(network.forward(rows.X, mask), rows.Y);
                return Collect(rows, logLikelihood, LogPriorOf(rows));
            }
        }

        /// <summary>
        /// For each candidate c of <paramref name="pool"/>: each row's change of log q(y | x) when c is added to the subset
        /// <paramref name="context"/> (or, when c is in it, what is lost when c is removed), as [row][pool position]. One
        /// batched pass per chunk of candidates: the first layer's terms of every candidate are added to or subtracted from
        /// the context's pre-activation (<see cref="MaskedCritic.SlotTerms"/>).
        /// </summary>
        public double[][] Flips(RowSet rows, bool[] context, int[] pool, CancellationToken cancellation)
        {
            long floatsPerRow = rows.X.shape[0] * Math.Max(Candidates, network.Slots) * network.FirstBias.shape[^1];
            if (rows.X.shape[1] * floatsPerRow <= BlockFloats)
            {
                using var scope = NewDisposeScope();
                using var noGradients = no_grad();
                Tensor contextMask = tensor(Array.ConvertAll(context, b => b ? 1f : 0f), device: device);
                Tensor terms = CandidateTerms(rows);                               // [F, n, p, H], computed once per row set
                Tensor basePre = ScalarArithmetic.Add(terms.permute(0, 1, 3, 2).matmul(contextMask), network.FirstBias);   // [F, n, H]
                return FlipsOfBlock(rows, basePre, index => terms.index_select(2, index), context, pool, cancellation);
            }
            // A large row set (the estimation rows of a long table) goes in blocks of rows.
            return FlipsInBlocks(rows, context, pool, BlockFloats, cancellation);
        }

        /// <summary>
        /// <see cref="Flips"/> in blocks of rows whose tensors hold at most about <paramref name="blockFloats"/> floats, each
        /// flipped candidate's terms formed for its chunk alone (<see cref="MaskedCritic.CandidateTerms"/>) and the context's
        /// pre-activation as the first layer under its slot mask: the same values as the whole set at once, in bounded memory.
        /// </summary>
        internal double[][] FlipsInBlocks(RowSet rows, bool[] context, int[] pool, long blockFloats, CancellationToken cancellation)
        {
            using var scope = NewDisposeScope();
            using var noGradients = no_grad();
            long rowCount = rows.X.shape[1];
            Tensor contextMask = tensor(Array.ConvertAll(context, b => b ? 1f : 0f), device: device);
            Tensor contextSlots = contextMask.matmul(candidateSlots).reshape(1, 1, network.Slots);          // [1, 1, d]
            long blockFloatsPerRow = rows.X.shape[0] * Math.Min(FlipChunk, pool.Length) * Math.Max(network.Slots, network.FirstBias.shape[^1]);
            long block = Math.Max(1, blockFloats / blockFloatsPerRow);
            var result = new List<double[]>(rows.Rows);
            for (long start = 0; start < rowCount; start += block)
            {
                using var blockScope = NewDisposeScope();
                RowSet part = rows.Slice(start, Math.Min(block, rowCount - start));
                Tensor basePre = network.FirstLayer(part.X, contextSlots.expand(part.X.shape[0], part.X.shape[1], network.Slots));   // [F, n, H]
                result.AddRange(FlipsOfBlock(part, basePre, index => network.CandidateTerms(part.X, candidateSlots.index_select(0, index)),
                    context, pool, cancellation));
            }
            return result.ToArray();
        }

        /// <summary>
        /// <see cref="Flips"/> on one block of rows, given the context's first-layer pre-activation [F, n, H] and the terms
        /// [F, n, P, H] of the candidates at an index; its callers hold no_grad.
        /// </summary>
        private double[][] FlipsOfBlock(RowSet rows, Tensor basePre, Func<Tensor, Tensor> termsOf, bool[] context, int[] pool, CancellationToken cancellation)
        {
            Tensor baseLog = Pick(network.FromFirstLayer(basePre), rows.Y);    // [F, n]
            int valid = rows.Rows;
            var result = new double[valid][];
            for (int i = 0; i < valid; i++)
                result[i] = new double[pool.Length];
            for (int start = 0; start < pool.Length; start += FlipChunk)
            {
                cancellation.ThrowIfCancellationRequested();
                using var chunkScope = NewDisposeScope();
                int length = Math.Min(FlipChunk, pool.Length - start);
                int[] chunk = pool.Skip(start).Take(length).ToArray();
                float[] signs = Array.ConvertAll(chunk, c => context[c] ? -1f : 1f);
                using Tensor index = tensor(Array.ConvertAll(chunk, c => (long)c), device: device);
                Tensor sign = tensor(signs, device: device).reshape(1, 1, length, 1);
                Tensor flipped = ScalarArithmetic.Add(basePre.unsqueeze(2), termsOf(index) * sign);   // [F, n, P, H]
                Tensor flippedLog = Pick(network.FromFirstLayer(flipped), rows.Y.unsqueeze(2).expand(-1, -1, length));  // [F, n, P]
                // With c: the flipped pass when c was out of the context, the base pass when it was in.
                Tensor change = (flippedLog - baseLog.unsqueeze(2)) * sign.squeeze(3);
                double[][] rowsOfChunk = CollectColumns(rows, change, flippedLog, baseLog, sign.squeeze(3));
                for (int i = 0; i < valid; i++)
                    Array.Copy(rowsOfChunk[i], 0, result[i], start, length);
            }
            return result;
        }

        public void Dispose()
        {
            foreach (Tensor terms in termsOfRows.Values)
                terms.Dispose();
            network.Dispose();
            candidateSlots.Dispose();
            Decision.Dispose();
            Estimation.Dispose();
        }

        private void Train(Tensor x, Tensor y, int[][] trainingRows, MineOptions options, Generator generator, IChannel channel, string stage, LabelClasses classes)
        {
            int folds = trainingRows.Length;
            int shortest = trainingRows.Min(r => r.Length);
            int batch = Math.Min(options.BatchSize, shortest);
            int interval = options.EvaluationInterval
                ?? (int)Math.Clamp((long)EarlyStoppingSchedule.SelectionPasses * shortest / batch, EarlyStoppingSchedule.SelectionMinimum, EarlyStoppingSchedule.EstimationDefault);
            int patience = options.EarlyStoppingPatience ?? EarlyStoppingSchedule.SelectionPatience;
            int longest = trainingRows.Max(r => r.Length);
            // Each member's training rows, padded by repeating its first row (never drawn: draws stop at the member's length).
            Tensor table = tensor(trainingRows.SelectMany(r => r.Concat(Enumerable.Repeat(r[0], longest - r.Length))).Select(v => (long)v).ToArray(),
                new long[] { folds, longest }, device: device);
            Tensor lengths = tensor(trainingRows.Select(r => (float)r.Length).ToArray(), new long[] { folds, 1 }, device: device);
            var optimizer = new AdamOptimizer(network.parameters(), options.LearningRate);
            (Tensor MonitorX, Tensor MonitorMask, Tensor MonitorY, Tensor MonitorValid) = MonitoringRows(generator);
            Tensor[] parameters = network.parameters().ToArray<Tensor>();
            Tensor[] best = parameters.Select(t => t.detach().clone()).ToArray();
            var bestLoss = Enumerable.Repeat(double.PositiveInfinity, folds).ToArray();
            var sinceBest = new int[folds];
            double entropy = -classes.Frequencies(trainingRows.SelectMany(r => r).ToArray()).Where(q => q > 0).Sum(q => q * Math.Log(q));
            int step = 0;
            using TorchThreadLease threads = TorchThreadLease.Acquire(ThreadBudget.For(options.NumberOfThreads).IntraOpThreads);
            try
            {
                while (step < options.MaxSteps && sinceBest.Any(s => s < patience))
                {
                    options.CancellationToken.ThrowIfCancellationRequested();
                    step++;
                    using (NewDisposeScope())
                    {
                        Tensor draw = (rand(new long[] { folds, batch }, generator: generator, device: device) * lengths).floor().to_type(ScalarType.Int64);
                        Tensor rows = table.gather(1, draw).flatten();
                        Tensor xb = x.index_select(0, rows).reshape(folds, batch, network.Slots);
                        Tensor yb = y.index_select(0, rows).reshape(folds, batch);
                        Tensor mask = RandomSlotMasks(folds, batch, generator);
                        Tensor loss = Pick(network.forward(xb, mask), yb).mean(new long[] { 1 }).sum().neg();
                        optimizer.ZeroGrad();
                        loss.backward();
                        optimizer.Step();
                    }
                    if (step % interval != 0 && step != options.MaxSteps)
                        continue;
                    double[] losses = MonitoringLosses(MonitorX, MonitorMask, MonitorY, MonitorValid);
                    for (int f = 0; f < folds; f++)
                    {
                        if (sinceBest[f] >= patience)
                            continue;
                        if (losses[f] < bestLoss[f])
                        {
                            bestLoss[f] = losses[f];
                            sinceBest[f] = 0;
                            CopyMember(parameters, best, f);
                        }
                        else
                        {
                            sinceBest[f]++;
                        }
                    }
                    options.Progress?.Report(new MineProgress(stage, step, options.MaxSteps, folds, sinceBest.Count(s => s < patience), entropy - bestLoss.Min()));
                    channel?.Info(MessageSensitivity.None, "MutualInformationSelect critic step {0}/{1}: held-out cross-entropy {2} nats (best {3}), {4} of {5} members improving.",
                        step, options.MaxSteps, Format(losses.Average()), Format(bestLoss.Average()), sinceBest.Count(s => s < patience), folds);
                }
            }
            finally
            {
                optimizer.Dispose();
            }
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                    parameters[i].copy_(best[i]);
            }
            network.eval();
        }

        /// <summary>Masks for a batch: per row a rate drawn uniformly, then each candidate unmasked with that rate; as slot masks [F, B, d].</summary>
        private Tensor RandomSlotMasks(int folds, int batch, Generator generator)
        {
            Tensor rate = rand(new long[] { folds, batch, 1 }, generator: generator, device: device);
            Tensor candidates = rand(new long[] { folds, batch, Candidates }, generator: generator, device: device).lt(rate).to_type(ScalarType.Float32);
            return candidates.matmul(candidateSlots);
        }

        /// <summary>The decision rows, each with <see cref="MonitoringMasks"/> fixed random masks, for the early-stopping loss.</summary>
        private (Tensor X, Tensor Mask, Tensor Y, Tensor Valid) MonitoringRows(Generator generator)
        {
            long f = Decision.X.shape[0], n = Decision.X.shape[1];
            Tensor x = Decision.X.repeat(1, MonitoringMasks, 1);
            Tensor y = Decision.Y.repeat(1, MonitoringMasks);
            Tensor valid = Decision.Valid.repeat(1, MonitoringMasks);
            Tensor mask = RandomSlotMasks((int)f, (int)(n * MonitoringMasks), generator);
            return (x, mask, y, valid);
        }

        /// <summary>Each member's mean cross-entropy on its decision rows under the fixed masks.</summary>
        private double[] MonitoringLosses(Tensor x, Tensor mask, Tensor y, Tensor valid)
        {
            using var scope = NewDisposeScope();
            using (no_grad())
            {
                network.eval();
                Tensor nll = Pick(network.forward(x, mask), y).neg();
                network.train();
                Tensor perMember = (nll * valid).sum(1) / valid.sum(1);
                return Array.ConvertAll(perMember.cpu().data<float>().ToArray(), v => (double)v);
            }
        }

        /// <summary>Every candidate's first-layer terms on <paramref name="rows"/>: [F, n, p, H], kept for later calls.</summary>
        /// <summary>Each candidate's first-layer terms on <paramref name="rows"/>, [F, n, p, H], computed once per row set.</summary>
        private Tensor CandidateTerms(RowSet rows)
        {
            if (termsOfRows.TryGetValue(rows, out Tensor cached))
                return cached;
            using var scope = NewDisposeScope();
            Tensor terms = Terms(rows);
            termsOfRows[rows] = terms.DetachFromDisposeScope();
            return terms;
        }

        /// <summary>Each candidate's first-layer terms on <paramref name="rows"/>: the sum of its slots' terms, [F, n, p, H].</summary>
        private Tensor Terms(RowSet rows)
        {
            Tensor slotTerms = network.SlotTerms(rows.X);                                 // [F, n, d, H]
            return slotTerms.permute(0, 1, 3, 2).matmul(candidateSlots.t()).permute(0, 1, 3, 2).contiguous();
        }

        private Tensor SlotMask(bool[] subset)
        {
            Tensor flags = tensor(Array.ConvertAll(subset, b => b ? 1f : 0f), device: device);
            return flags.matmul(candidateSlots).reshape(1, 1, network.Slots);
        }

        /// <summary>log q(y | x) at each row's class: [F, ...] from log probabilities [F, ..., C].</summary>
        private static Tensor Pick(Tensor logProbabilities, Tensor classes)
            => logProbabilities.gather(-1, classes.unsqueeze(-1)).squeeze(-1);

        private float[] LogPriorOf(RowSet rows)
        {
            long[] classes = rows.Y.narrow(0, 0, 1).flatten().cpu().data<long>().ToArray();
            return Array.ConvertAll(classes, c => logPrior[c]);
        }

        /// <summary>
        /// One value per valid row: log q(y | x) - log p(y), where q is the row's member's (decision rows) or the members'
        /// average probability (shared estimation rows).
        /// </summary>
        private double[] Collect(RowSet rows, Tensor logLikelihood, float[] logPriorOfRow)
        {
            if (rows.Shared)
            {
                float[] averaged = ScalarArithmetic.Subtract(logLikelihood.logsumexp(0), Math.Log(logLikelihood.shape[0])).cpu().data<float>().ToArray();
                return averaged.Select((v, i) => (double)v - logPriorOfRow[i]).ToArray();
            }
            float[] values = logLikelihood.cpu().data<float>().ToArray();
            float[] valid = rows.Valid.cpu().data<float>().ToArray();
            long[] classes = rows.Y.cpu().data<long>().ToArray();
            var result = new List<double>(rows.Rows);
            for (int i = 0; i < values.Length; i++)
            {
                if (valid[i] > 0)
                    result.Add(values[i] - logPrior[classes[i]]);
            }
            return result.ToArray();
        }

        /// <summary>Per valid row and candidate of a chunk: the change of log q(y | x) that adding the candidate makes.</summary>
        private double[][] CollectColumns(RowSet rows, Tensor change, Tensor flippedLog, Tensor baseLog, Tensor sign)
        {
            long f = change.shape[0], n = change.shape[1], length = change.shape[2];
            if (rows.Shared)
            {
                // The members' average probability with and without each candidate.
                Tensor logF = tensor(new[] { (float)Math.Log(f) }, device: device);
                Tensor flippedAverage = flippedLog.logsumexp(0) - logF;                  // [n, P]
                Tensor baseAverage = (baseLog.logsumexp(0) - logF).unsqueeze(1);         // [n, 1]
                float[] shared = ((flippedAverage - baseAverage) * sign.squeeze(0)).cpu().data<float>().ToArray();
                return Enumerable.Range(0, (int)n).Select(i => Enumerable.Range(0, (int)length).Select(c => (double)shared[i * length + c]).ToArray()).ToArray();
            }
            float[] values = change.cpu().data<float>().ToArray();
            float[] valid = rows.Valid.cpu().data<float>().ToArray();
            var result = new List<double[]>(rows.Rows);
            for (int i = 0; i < f * n; i++)
            {
                if (valid[i] > 0)
                    result.Add(Enumerable.Range(0, (int)length).Select(c => (double)values[i * length + c]).ToArray());
            }
            return result.ToArray();
        }

        private static RowSet Rows(Tensor x, Tensor y, int[][] rowsOfMember, bool shared, Device device)
        {
            int folds = rowsOfMember.Length, longest = rowsOfMember.Max(r => r.Length);
            long[] index = rowsOfMember.SelectMany(r => r.Concat(Enumerable.Repeat(r.Length > 0 ? r[0] : 0, longest - r.Length))).Select(v => (long)v).ToArray();
            float[] valid = rowsOfMember.SelectMany(r => Enumerable.Repeat(1f, r.Length).Concat(Enumerable.Repeat(0f, longest - r.Length))).ToArray();
            using Tensor rows = tensor(index, device: device);
            return new RowSet(
                x.index_select(0, rows).reshape(folds, longest, x.shape[1]),
                y.index_select(0, rows).reshape(folds, longest),
                tensor(valid, new long[] { folds, longest }, device: device),
                shared ? rowsOfMember[0].Length : rowsOfMember.Sum(r => r.Length),
                shared);
        }

        private static void CopyMember(Tensor[] parameters, Tensor[] snapshot, int member)
        {
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    using Tensor target = snapshot[i][member];
                    using Tensor source = parameters[i][member];
                    target.copy_(source);
                }
            }
        }

        private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
    }

    /// <summary>Helpers on <see cref="AmortizedCritic.RowSet"/>.</summary>
    internal static class RowSetExtensions
    {
        /// <summary>The same tensors, detached from the dispose scope they were made in (the critic owns them).</summary>
        public static AmortizedCritic.RowSet Detach(this AmortizedCritic.RowSet rows)
            => rows with { X = rows.X.DetachFromDisposeScope(), Y = rows.Y.DetachFromDisposeScope(), Valid = rows.Valid.DetachFromDisposeScope() };
    }
}
