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
        /// Backward elimination on the joint mutual information I(subset; label), scored by one statistics network trained
        /// on random subsets of the candidates: starting from all candidates (a wide table's screened pool), each round
        /// drops the one whose removal loses the least. Finds features that are informative only together.
        /// </summary>
        Joint,

        /// <summary>
        /// Forward selection by conditional mutual information: each round adds the candidate c with the largest
        /// I(kept + c; label) - I(kept; label), what c tells about the label beyond the features already kept, so a
        /// second copy of a kept signal gains nothing. Redundancy-aware at a few times the cost of
        /// <see cref="Ranking"/>; like Ranking, blind to features informative only together (use <see cref="Joint"/>).
        /// </summary>
        Conditional,

        /// <summary>
        /// Forward selection by Shapley value, from one statistics network trained on random subsets of the candidates
        /// (an amortised critic): each round keeps the candidate with the largest average gain in log-likelihood of the
        /// label when it joins the kept ones plus a random subset of the rest, which is its Shapley value in the
        /// mutual-information game given what is kept. A column that matters only together with another gets credit in
        /// the subsets that hold its partner, so interactions are seen; near-copies of a kept column add nothing once one
        /// is kept, so redundancy is too. A table of more than twice max(32, 4 FeaturesToKeep) candidates is first screened
        /// to max(32, 4 FeaturesToKeep), half by each candidate's own mutual information and half by what a network of every
        /// candidate loses without it; there, once no candidate adds significantly to those kept, the rest of the places go by the candidates'
        /// own mutual information. The default.
        /// </summary>
        Shapley,
    }
}
