using System.Collections.Generic;
using System.Globalization;

namespace Mine.MLNet
{
    /// <summary>One candidate of a fitted <see cref="MutualInformationSelectingTransformer"/>.</summary>
    public sealed class FeatureRankingEntry
    {
        internal FeatureRankingEntry(string name, int rank, double mutualInformation, double standardError, bool selected, IReadOnlyList<string> given)
        {
            Name = name;
            Rank = rank;
            MutualInformation = mutualInformation;
            StandardError = standardError;
            Selected = selected;
            Given = given;
        }

        /// <summary>The candidate: a column name, a slot name, or <c>column[i]</c> for an unnamed slot.</summary>
        public string Name { get; }

        /// <summary>1 for the most informative candidate.</summary>
        public int Rank { get; }

        /// <summary>
        /// In nats: I(candidate; label | <see cref="Given"/>), what the candidate tells about the label beyond the candidates
        /// in Given. <see cref="SelectionStrategy.Ranking"/>: Given is empty, this is the candidate's own mutual information.
        /// <see cref="SelectionStrategy.Conditional"/>: for a kept candidate, its gain when it was added (Given: those kept
        /// before it); for the others, what each would have added in the last round. <see cref="SelectionStrategy.Joint"/>:
        /// what the subset it was last judged in loses without it (Given: the rest of that subset).
        /// <see cref="SelectionStrategy.Shapley"/>: for a kept candidate, what it adds to the other kept ones; for the others,
        /// what each would add to the kept set. With Shapley and Joint, a wide table's screened-out candidates report their
        /// own mutual information.
        /// A conditional gain is the difference of two estimates and can come out below 0 when the truth is about 0.
        /// </summary>
        public double MutualInformation { get; }

        /// <summary>The candidates that <see cref="MutualInformation"/> is conditioned on; empty for a candidate's own mutual information.</summary>
        public IReadOnlyList<string> Given { get; }

        /// <summary>Standard error of <see cref="MutualInformation"/>, in nats.</summary>
        public double StandardError { get; }

        /// <summary>Whether the candidate's slots are in the output column.</summary>
        public bool Selected { get; }

        /// <inheritdoc />
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0,3}. {1} {2:F4} ± {3:F4} nats{4}{5}", Rank, Name, MutualInformation, StandardError,
                Given.Count == 0 ? "" : $" given {Given.Count} other{(Given.Count == 1 ? "" : "s")}", Selected ? " (selected)" : "");
    }
}
