using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>The slots a set of candidates covers, as one candidate of a batched MINE run.</summary>
    internal static class CandidateSubsets
    {
        /// <summary>The slots of every candidate in <paramref name="subset"/>, in slot order.</summary>
        public static int[] Slots(IReadOnlyList<int[]> candidates, IEnumerable<int> subset)
            => subset.SelectMany(c => candidates[c]).OrderBy(slot => slot).ToArray();
    }
}
