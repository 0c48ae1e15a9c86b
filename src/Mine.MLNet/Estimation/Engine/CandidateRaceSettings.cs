namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// What a batched run races for (<see cref="CandidateRace"/>): the best <see cref="TopK"/> of the candidates from
    /// <see cref="FirstRacer"/> on. TopK 0 means no race: every candidate trains until its own early stopping.
    /// </summary>
    internal readonly record struct CandidateRaceSettings(int TopK, int FirstRacer = 0)
    {
        /// <summary>No race.</summary>
        public static CandidateRaceSettings None => new(0);
    }
}
