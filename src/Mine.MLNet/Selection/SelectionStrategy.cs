namespace Mine.MLNet
{
    /// <summary>How candidates are scored against the label.</summary>
    public enum SelectionStrategy
    {
        /// <summary>
        /// One MINE estimate of I(candidate; label) per candidate, all trained together as one batched network.
        /// Fast; blind to features that are informative only together (XOR-like interactions).
        /// </summary>
        Ranking,

        /// <summary>
        /// Backward elimination on the joint estimate I(subset; label): starting from all candidates, each round
        /// drops the candidates whose removal loses the least joint mutual information (at most half of the
        /// surplus per round). Finds features that are informative only together.
        /// </summary>
        Joint,

        /// <summary>
        /// Forward selection by conditional mutual information: each round adds the candidate c with the largest
        /// I(kept + c; label) - I(kept; label), what c tells about the label beyond the features already kept, so a
        /// second copy of a kept signal gains nothing. Redundancy-aware at a few times the cost of
        /// <see cref="Ranking"/>; like Ranking, blind to features informative only together (use <see cref="Joint"/>).
        /// </summary>
        Conditional,
    }
}
