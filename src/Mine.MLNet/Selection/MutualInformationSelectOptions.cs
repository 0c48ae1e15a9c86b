namespace Mine.MLNet
{
    /// <summary>Settings of <c>mlContext.Transforms.MutualInformationSelect</c>.</summary>
    public sealed class MutualInformationSelectOptions
    {
        /// <summary>The output column: a vector of Single holding the kept slots in their original order. Default "Features".</summary>
        public string OutputColumnName { get; set; } = "Features";

        /// <summary>The label: key, Boolean or numeric (regression targets allowed). Default "Label".</summary>
        public string LabelColumnName { get; set; } = "Label";

        /// <summary>The input columns: numeric, Boolean or key scalars or known-size vectors.</summary>
        public string[] InputColumnNames { get; set; }

        /// <summary>How many candidates to keep (at most). Required, at least 1.</summary>
        public int FeaturesToKeep { get; set; }

        /// <summary>Optional threshold in nats: candidates whose score is below it are not kept. Default null (none).</summary>
        public double? MinimumMutualInformation { get; set; }

        /// <summary>Slots or whole columns as candidates. Default <see cref="SelectionCandidates.Slots"/>.</summary>
        public SelectionCandidates Candidates { get; set; } = SelectionCandidates.Slots;

        /// <summary>
        /// How candidates are chosen. Default <see cref="SelectionStrategy.Shapley"/>: forward selection by Shapley value
        /// from one statistics network for every subset, which sees interactions and redundancy; on the selection benchmark
        /// (docs/selection-peers.md) it kept the best or nearly the best columns of every table in seconds.
        /// </summary>
        public SelectionStrategy Strategy { get; set; } = SelectionStrategy.Shapley;

        /// <summary>
        /// Memory bound: when the data has more usable rows than this, a uniform random sample (seeded) of this many
        /// rows is kept while the rows stream past, and the log says so. Default 200,000.
        /// </summary>
        public int MaximumRows { get; set; } = 200_000;

        /// <summary>Settings of each MINE estimate. Default: <see cref="MineOptions"/>'s defaults.</summary>
        public MineOptions Mine { get; set; } = new MineOptions();
    }
}
