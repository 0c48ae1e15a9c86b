using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Estimation.Statistics;
using static TorchSharp.torch;

namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// What a fit knows about each of its K candidates, whichever group trains them: the training and early-stopping
    /// curves, the best early-stopping bound and a snapshot of the network that reached it (one batched network for all
    /// K), the evaluations since it, and the step at which the candidate stopped. The baseline is a constant T, which scores exactly 0 under every
    /// bound: a candidate's network is kept only once it beats 0 on the early-stopping rows.
    /// </summary>
    internal sealed class CandidateTracker : IDisposable
    {
        private readonly List<MineCurvePoint>[] trainingCurves;
        private readonly List<MineCurvePoint>[] validationCurves;
        private readonly BoundEvaluation[] bestValue;
        private readonly bool[] hasBest;
        private readonly int[] sinceBest;
        private readonly int[] evaluations;
        private readonly int[] stoppedAt;
        private readonly Tensor[] snapshot;

        /// <summary>Tracks every candidate of <paramref name="network"/>, whose current weights start the snapshot.</summary>
        public CandidateTracker(StatisticsNetwork network, Device device)
        {
            int count = network.Candidates;
            trainingCurves = NewCurves(count);
            validationCurves = NewCurves(count);
            bestValue = new BoundEvaluation[count];
            hasBest = new bool[count];
            sinceBest = new int[count];
            evaluations = new int[count];
            stoppedAt = new int[count];
            using Tensor everyCandidate = tensor(Enumerable.Range(0, count).Select(k => (long)k).ToArray(), device: device);
            Best = network.Subset(everyCandidate);
            snapshot = Best.parameters().ToArray<Tensor>();
        }

        /// <summary>Every candidate's best network so far, batched in candidate order.</summary>
        public StatisticsNetwork Best { get; }

        /// <summary>The candidates' best early-stopping bounds (Nats 0 and SE 0 before a candidate beats the constant T).</summary>
        public IReadOnlyList<BoundEvaluation> BestValues => bestValue;

        /// <summary>
        /// Records an evaluation at <paramref name="step"/>: <paramref name="held"/>[p] is the early-stopping bound of the
        /// candidate <paramref name="active"/>[p], whose weights are position p of <paramref name="network"/>, and
        /// <paramref name="meanTrainingBounds"/>[p] its mean training bound since the last evaluation.
        /// </summary>
        public void Record(int step, int[] active, double[] meanTrainingBounds, BoundEvaluation[] held, StatisticsNetwork network)
        {
            Tensor[] parameters = network.parameters().ToArray<Tensor>();
            for (int p = 0; p < active.Length; p++)
            {
                int k = active[p];
                evaluations[k]++;
                trainingCurves[k].Add(new MineCurvePoint(step, meanTrainingBounds[p]));
                validationCurves[k].Add(new MineCurvePoint(step, held[p].Nats));
                if (held[p].Nats > bestValue[k].Nats)
                {
                    bestValue[k] = held[p];
                    hasBest[k] = true;
                    sinceBest[k] = 0;
                    CopyCandidate(parameters, p, k);
                }
                else
                {
                    sinceBest[k]++;
                }
            }
        }

        /// <summary>
        /// How many candidates have a network among <paramref name="active"/> that improved within the last
        /// <paramref name="patience"/> evaluations, the networks of one candidate being <paramref name="critics"/> consecutive ones.
        /// </summary>
        public int Improving(int[] active, int patience, int critics) => active.Where(k => sinceBest[k] < patience).Select(k => k / critics).Distinct().Count();

        /// <summary>
        /// The candidates of <paramref name="active"/> that train on after an evaluation at <paramref name="step"/>: those
        /// still improving within <paramref name="patience"/> and not out of <paramref name="race"/>. The others stop here.
        /// </summary>
        public int[] StillTraining(int[] active, int step, int patience, int interval, CandidateRaceSettings race)
        {
            bool[] racedOut = CandidateRace.OutOfTheRace(bestValue, Array.ConvertAll(evaluations, e => e * interval), race);
            int[] still = active.Where(k => sinceBest[k] < patience && !racedOut[k]).ToArray();
            foreach (int k in active.Except(still))
                stoppedAt[k] = step;
            return still;
        }

        /// <summary>Marks <paramref name="active"/> as stopped at <paramref name="step"/> (the fit's last).</summary>
        public void Stop(int[] active, int step)
        {
            foreach (int k in active)
                stoppedAt[k] = step;
        }

        /// <summary>
        /// Makes network <paramref name="to"/>'s best snapshot a copy of network <paramref name="from"/>'s, with its best
        /// value (a critic that never beat the constant T takes its partner's network, so the mean of the two is that network).
        /// </summary>
        public void CopyBest(int from, int to)
        {
            using (no_grad())
            {
                foreach (Tensor parameter in snapshot)
                {
                    using Tensor target = parameter[to];
                    using Tensor source = parameter[from];
                    target.copy_(source);
                }
            }
            bestValue[to] = bestValue[from];
            hasBest[to] = hasBest[from];
        }

        /// <summary>Whether candidate <paramref name="k"/> ever beat the constant T on the early-stopping rows.</summary>
        public bool HasBest(int k) => hasBest[k];

        public IReadOnlyList<MineCurvePoint> TrainingCurve(int k) => trainingCurves[k];

        public IReadOnlyList<MineCurvePoint> ValidationCurve(int k) => validationCurves[k];

        /// <summary>Steps candidate <paramref name="k"/> trained.</summary>
        public int StoppedAt(int k) => stoppedAt[k];

        public void Dispose() => Best.Dispose();

        /// <summary>Copies position <paramref name="from"/> of every batched parameter to slot <paramref name="to"/> of the snapshot.</summary>
        private void CopyCandidate(Tensor[] parameters, int from, int to)
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

        private static List<MineCurvePoint>[] NewCurves(int count)
            => Enumerable.Range(0, count).Select(_ => new List<MineCurvePoint>()).ToArray();
    }
}
