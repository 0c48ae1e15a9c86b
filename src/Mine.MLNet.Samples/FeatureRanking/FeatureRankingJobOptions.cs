namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>The feature-ranking job's command-line settings.</summary>
    public sealed class FeatureRankingJobOptions
    {
        /// <summary>The CSV/TSV file, with a header row.</summary>
        public string DataPath { get; set; }

        /// <summary>The label column: numeric (a regression target) or text (classes).</summary>
        public string Label { get; set; }

        /// <summary>The selection strategy; default <see cref="SelectionStrategy.Shapley"/>, as the command line's.</summary>
        public SelectionStrategy Strategy { get; set; } = SelectionStrategy.Shapley;

        /// <summary>How many columns to keep.</summary>
        public int Keep { get; set; }

        /// <summary>The most MINE training steps per network.</summary>
        public int Steps { get; set; }

        /// <summary>The seed of the MLContext and of MINE.</summary>
        public int Seed { get; set; }

        /// <summary>Where ranking.csv, ranking.md and ranking.png go.</summary>
        public string OutputDirectory { get; set; }

        /// <summary>The column separator; null infers it from the header.</summary>
        public char? Separator { get; set; }

        /// <summary>The most CPU threads MINE uses (<see cref="MineOptions.NumberOfThreads"/>); null is automatic.</summary>
        public int? Threads { get; set; }
    }
}
