namespace Mine.MLNet.Selection.Search
{
    /// <summary>A candidate's score from a search, in nats, and whether the search leaves it eligible to be kept.</summary>
    internal readonly record struct CandidateScore(int Candidate, double Nats, double StandardError, bool Eligible);
}
