namespace Mine.MLNet.Estimation.Engine
{
    /// <summary>
    /// What one batched fit does beyond its <see cref="MineOptions"/>: the stage its progress reports name, the cross-fitting
    /// folds, the networks' size, the early-stopping schedule and the race. An estimate and a selection search build their
    /// own plans, so the engine has no mode of its own.
    /// </summary>
    /// <param name="Stage">What is being trained, for <see cref="MineOptions.Progress"/> ("fold i/K" is appended when cross-fitting, "network i/2" with swapped held-out parts).</param>
    /// <param name="Folds">Cross-fitting folds; 1 is one training / early-stopping / estimation split.</param>
    /// <param name="NetworkSize">The hidden layers for the widest candidate.</param>
    /// <param name="Schedule">Evaluation interval and patience.</param>
    /// <param name="Race">What the candidates race for (<see cref="CandidateRace"/>); none by default.</param>
    /// <param name="MeanSquares">Whether each continuous side of two or more dimensions also shows the networks its rows' mean
    /// square (<see cref="Data.Scaling.MeanSquareAppender"/>), seen by every candidate. An estimate's plan: on the Beyond
    /// Normal suite it raised the six Student-t tasks of two to five dimensions and the spirals (Student-t 5x5, nu 3: 0.157 to
    /// 0.246 for 0.299; spiral of the 5x5 two-pair Gaussian: 0.637 to 0.830 for 1.022) and moved no other task's mean by more than 0.011.
    /// A selection's candidates are subsets of X, whose mean square would be another candidate's, so selections leave it off.</param>
    /// <param name="WeightAveraging">Decay of the moving average of the networks' weights that is evaluated and kept; 0 for the weights themselves.</param>
    /// <param name="SwapHeldOutParts">With one split (<paramref name="Folds"/> 1): train a second network on the same training
    /// rows with the early-stopping and estimation parts exchanged, and combine the two estimates as cross-fitted folds are,
    /// so every held-out row is estimated on, by a network that neither trained nor stopped on it. An estimate's plan when
    /// <see cref="MineOptions.CrossFittingFolds"/> is automatic: on the Beyond Normal suite it brought the lower confidence
    /// bound within 25% of the truth in 113 of 120 runs (103 with one network), mean absolute error 0.054 either way, at 2.3
    /// s per estimate against 1.9 (the two train side by side).</param>
    /// <param name="Critics">Statistics networks per candidate on each split, trained side by side from different initial
    /// weights on the same batches, each with its own early stopping; the candidate's T is their mean score
    /// (<see cref="Bounds.MineObjective.Critics"/>), which a concave bound scores at least as high as the mean of their
    /// bounds. An estimate's plan (<see cref="EstimateCritics"/>); selections and the SMILE fit train one.</param>
    internal sealed record FitPlan(string Stage, int Folds, StatisticsNetworkSize NetworkSize, EarlyStoppingSchedule Schedule, CandidateRaceSettings Race,
        bool MeanSquares = false, double WeightAveraging = 0, bool SwapHeldOutParts = false, int Critics = 1)
    {
        /// <summary>An estimate: the paper's network, two critics per split (one when Z is discrete), 5 folds below <see cref="MineOptions.CrossFittingRowLimit"/> rows unless set, the mean squares appended and the weights averaged; from 5,000 rows up (automatic folds) two splits with the held-out parts swapped.</summary>
        /// <param name="options">The estimate's options.</param>
        /// <param name="rows">Its usable rows.</param>
        /// <param name="discreteZ">Whether Z is discrete (its marginal term exact): then one critic per split.</param>
        public static FitPlan ForEstimate(MineOptions options, int rows, bool discreteZ = false)
        {
            int critics = discreteZ ? 1 : EstimateCritics;
            return new("EstimateMutualInformation", CrossFittingFolds(options, rows, automatic: true),
                StatisticsNetworkSize.ForEstimate(options, critics), EarlyStoppingSchedule.ForEstimate(options), CandidateRaceSettings.None,
                MeanSquares: true, WeightAveraging: EstimateWeightAveraging,
                SwapHeldOutParts: options.CrossFittingFolds == 0, Critics: critics);
        }

        /// <summary>
        /// The decay of the moving average of an estimate's weights that is evaluated and kept (Polyak averaging, about the
        /// last 100 steps: one evaluation interval). On the Beyond Normal suite (3 seeds, with the appended mean squares) it
        /// lowered the mean absolute error from 0.063 to 0.054 nats and no task's mean by more than 0.01; 0.998 gave 0.054 too.
        /// </summary>
        public const double EstimateWeightAveraging = 0.99;

        /// <summary>
        /// Statistics networks an estimate trains per split (<see cref="Critics"/>). On the Beyond Normal suite (3 seeds,
        /// 10,000 rows) two lowered the mean absolute error from 0.054 to 0.046 nats and brought the lower confidence bound
        /// within 25% of the truth in 117 of 120 runs (113 with one), at 1.5 to 2.1 times the time per estimate on 2 cores
        /// (the whole suite, one run after the other: 5.5 s against 3.6 s; six of its tasks, runs interleaved: 8.4 s against 4.0 s), with
        /// critics of [100, 100], and 12 to 19% less with the [71, 71] they have since (<see cref="StatisticsNetworkSize.UnitsForEachOfTwoCritics"/>); the largest gains were on the spirals and the sparse 25 x 25 tasks (spiral
        /// of the 2-pair 25 x 25: 0.794 to 0.848 for 1.022), and no task's mean fell by more than 0.002. With a discrete Z
        /// an estimate trains one: its exact marginal term leaves two critics nothing to disagree on (a 4-class key label
        /// against a 2-d mixture, 20,000 rows, seeds 100 to 102: the critics' early-stopping bounds agreed within 0.001 and
        /// the estimates to three decimals, at three times the time).
        /// </summary>
        public const int EstimateCritics = 2;

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
