namespace Mine.MLNet
{
    /// <summary>
    /// A progress report of MINE training, sent to <see cref="MineOptions.Progress"/> at every evaluation of the
    /// held-out bound (every <see cref="MineOptions.EvaluationInterval"/> steps) of an estimate or a selection.
    /// </summary>
    public sealed class MineProgress
    {
        internal MineProgress(string stage, int step, int maxSteps, int candidates, int candidatesImproving, double bestHeldOutNats)
        {
            Stage = stage;
            Step = step;
            MaxSteps = maxSteps;
            Candidates = candidates;
            CandidatesImproving = candidatesImproving;
            BestHeldOutNats = bestHeldOutNats;
        }

        /// <summary>
        /// What is being trained: "EstimateMutualInformation", "Ranking", "Joint round N" or "Joint final round",
        /// with "fold i/K" appended when cross-fitting.
        /// </summary>
        public string Stage { get; }

        /// <summary>Optimisation steps done in this stage.</summary>
        public int Step { get; }

        /// <summary>The most steps this stage can take (<see cref="MineOptions.MaxSteps"/>); early stopping usually ends it sooner.</summary>
        public int MaxSteps { get; }

        /// <summary>What is measured in this stage: 1 for an estimate (whose two statistics networks, its critics, count as one), one per candidate in a selection.</summary>
        public int Candidates { get; }

        /// <summary>Candidates with a network whose held-out bound improved within the early-stopping patience; training ends when none is left.</summary>
        public int CandidatesImproving { get; }

        /// <summary>The best held-out bound reached so far by any of the networks, in nats.</summary>
        public double BestHeldOutNats { get; }

        /// <inheritdoc/>
        public override string ToString()
            => $"{Stage}: step {Step}/{MaxSteps}, {CandidatesImproving} of {Candidates} improving, best held-out bound {BestHeldOutNats:F4} nats";
    }
}
