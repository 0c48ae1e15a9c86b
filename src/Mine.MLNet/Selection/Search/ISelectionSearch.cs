using System.Collections.Generic;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>
    /// A search over candidates (<see cref="SelectionStrategy"/>): which candidates to keep, and each one's score. Searches
    /// decide on the early-stopping rows and report scores from the estimation rows; the scoring itself is the
    /// statistics-network fitter's (<see cref="SearchProblem.Fitter"/>).
    /// </summary>
    internal interface ISelectionSearch
    {
        /// <summary>
        /// Every candidate once, in ranking order: the ones the search would keep first (<see cref="CandidateScore.Eligible"/>),
        /// then the others.
        /// </summary>
        List<CandidateScore> Run(SearchProblem problem);
    }
}
