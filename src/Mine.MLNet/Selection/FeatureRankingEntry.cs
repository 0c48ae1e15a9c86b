using System.Globalization;

namespace Mine.MLNet
{
    /// <summary>One candidate of a fitted <see cref="MutualInformationSelectingTransformer"/>.</summary>
    public sealed class FeatureRankingEntry
    {
        internal FeatureRankingEntry(string name, int rank, double mutualInformation, double standardError, bool selected)
        {
            Name = name;
            Rank = rank;
            MutualInformation = mutualInformation;
            StandardError = standardError;
            Selected = selected;
        }

        /// <summary>The candidate: a column name, a slot name, or <c>column[i]</c> for an unnamed slot.</summary>
        public string Name { get; }

        /// <summary>1 for the most informative candidate.</summary>
        public int Rank { get; }

        /// <summary>
        /// In nats. <see cref="SelectionStrategy.Ranking"/>: the estimate of I(candidate; label).
        /// <see cref="SelectionStrategy.Joint"/>: the joint mutual information with the label lost when this
        /// candidate was removed from the subset it was last part of, i.e. what it adds on top of the others.
        /// </summary>
        public double MutualInformation { get; }

        /// <summary>Standard error of <see cref="MutualInformation"/>, in nats.</summary>
        public double StandardError { get; }

        /// <summary>Whether the candidate's slots are in the output column.</summary>
        public bool Selected { get; }

        /// <inheritdoc />
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0,3}. {1} {2:F4} ± {3:F4} nats{4}", Rank, Name, MutualInformation, StandardError, Selected ? " (selected)" : "");
    }
}
