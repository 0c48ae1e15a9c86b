namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// What a ranking's scores are under each strategy, as the reports name them: every score is I(column; label | given
    /// columns) (<see cref="FeatureRankingEntry.Given"/>), and the strategy decides which columns are given.
    /// </summary>
    /// <param name="Column">The score column's header in the console table and the Markdown file.</param>
    /// <param name="CsvColumn">The score column's name in ranking.csv.</param>
    /// <param name="Axis">The chart's axis title.</param>
    /// <param name="Note">One sentence on what the scores mean.</param>
    public sealed record RankingQuantity(string Column, string CsvColumn, string Axis, string Note)
    {
        /// <summary>The quantity of <paramref name="strategy"/>'s scores.</summary>
        public static RankingQuantity Of(SelectionStrategy strategy) => strategy switch
        {
            SelectionStrategy.Ranking => new("I(column; label)", "mutual_information_nats", "I(column; label), nats",
                "Each column's own mutual information with the label."),
            SelectionStrategy.Conditional => new("gain when added", "gain_when_added_nats", "I(column; label | kept before it), nats",
                "Kept columns: what each added to the columns kept before it (the first: its own mutual information). The others: what each would have added in the last round."),
            SelectionStrategy.Joint => new("loss without it", "loss_without_nats", "I(column; label | the others), nats",
                "What the subset each column was last judged in loses without it; for the kept columns, given the other kept ones."),
            _ => new("gain given the kept", "gain_given_kept_nats", "I(column; label | kept), nats",
                "Kept columns: what each adds to the other kept ones. The others: what each would add to the kept set (on a wide table, columns screened out first show their own mutual information)."),
        };

        /// <summary>The note on negative scores, shown when a ranking has any.</summary>
        public const string BelowZeroNote =
            "A score below 0 is a gain within noise: the difference of two estimates whose truth is at least 0; charts draw it at 0, with its error bar around the estimate.";

        /// <summary>What an entry is conditioned on, in words: "-" for its own mutual information, else "given N".</summary>
        public static string Given(FeatureRankingEntry entry)
            => entry.Given.Count == 0 ? "-" : $"{entry.Given.Count} column{(entry.Given.Count == 1 ? "" : "s")}";
    }
}
