using System;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// A candidate's score from a search, in nats: I(candidate; label | <see cref="Given"/>), the mutual information it
    /// carries beyond the candidates in Given (none for its own mutual information), with its standard error, and whether
    /// the search leaves it eligible to be kept.
    /// </summary>
    internal readonly record struct CandidateScore(int Candidate, double Nats, double StandardError, bool Eligible, int[] Given)
    {
        /// <summary>A candidate's own mutual information with the label.</summary>
        public CandidateScore(int Candidate, double Nats, double StandardError, bool Eligible)
            : this(Candidate, Nats, StandardError, Eligible, Array.Empty<int>())
        {
        }
    }
}
