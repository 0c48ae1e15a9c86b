namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// What one batched fit does beyond its <see cref="MineOptions"/>: the stage its progress reports name, the cross-fitting
    /// folds, the networks' size, the early-stopping schedule and the race. An estimate and a selection search build their
    /// own plans, so the engine has no mode of its own.
    /// </summary>
    /// <param name="Stage">What is being trained, for <see cref="MineOptions.Progress"/> ("fold i/K" is appended when cross-fitting).</param>
    /// <param name="Folds">Cross-fitting folds; 1 is one training / early-stopping / estimation split.</param>
    /// <param name="NetworkSize">The hidden layers for the widest candidate.</param>
    /// <param name="Schedule">Evaluation interval and patience.</param>
    /// <param name="Race">What the candidates race for (<see cref="CandidateRace"/>); none by default.</param>
    internal sealed record FitPlan(string Stage, int Folds, StatisticsNetworkSize NetworkSize, EarlyStoppingSchedule Schedule, CandidateRaceSettings Race)
    {
        /// <summary>An estimate: the paper's network, 5 folds below <see cref="MineOptions.CrossFittingRowLimit"/> rows unless set.</summary>
        public static FitPlan ForEstimate(MineOptions options, int rows)
            => new("EstimateMutualInformation", CrossFittingFolds(options, rows, automatic: true),
                StatisticsNetworkSize.ForEstimate(options), EarlyStoppingSchedule.ForEstimate(options), CandidateRaceSettings.None);

        /// <summary>Below this many rows a selection's fits cross-fit five folds (unless CrossFittingFolds says otherwise).</summary>
        public const int SelectionCrossFittingRowLimit = 1000;

        /// <summary>
        /// A selection's fits: networks sized from the candidates, an interval that follows the table, and five
        /// cross-fitted folds below <see cref="SelectionCrossFittingRowLimit"/> rows (a 15% part of a few hundred rows would
        /// decide on a few dozen), when <see cref="MineOptions.CrossFittingFolds"/> is 0. Searches set each round's stage and race.
        /// </summary>
        public static FitPlan ForSelection(MineOptions options, int rows)
            => new("MutualInformationSelect", options.CrossFittingFolds > 0 ? options.CrossFittingFolds : rows < SelectionCrossFittingRowLimit ? 5 : 1,
                StatisticsNetworkSize.ForSelection(options), EarlyStoppingSchedule.ForSelection(options), CandidateRaceSettings.None);

        /// <summary>
        /// The folds of a fit on <paramref name="rows"/> rows: <see cref="MineOptions.CrossFittingFolds"/>, or when it is 0, 5
        /// below <see cref="MineOptions.CrossFittingRowLimit"/> rows (if <paramref name="automatic"/>) and 1 otherwise.
        /// </summary>
        public static int CrossFittingFolds(MineOptions options, int rows, bool automatic)
            => options.CrossFittingFolds > 0 ? options.CrossFittingFolds : automatic && rows < MineOptions.CrossFittingRowLimit ? 5 : 1;
    }
}
