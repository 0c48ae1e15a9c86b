using System;
using System.Collections.Generic;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation.Engine;

namespace Mine.MLNet.Selection.Search
{
    /// <summary>What a search works on: the rows, the candidates (slots each), how many to keep, and how to score subsets.</summary>
    /// <param name="Fitter">Fits batched statistics networks for subsets of candidates.</param>
    /// <param name="Plan">The selection's fit plan; a search sets each round's stage and race.</param>
    /// <param name="Samples">The concatenated slots (X) and the label (Z).</param>
    /// <param name="Candidates">Each candidate's slots.</param>
    /// <param name="FeaturesToKeep">How many candidates to keep.</param>
    /// <param name="Seed">The fits' seed.</param>
    /// <param name="Channel">The log.</param>
    /// <param name="Name">A candidate's name, for the log.</param>
    /// <param name="Options">The selection's MINE settings (with the fit's cancellation).</param>
    /// <param name="Device">Where networks train.</param>
    internal sealed record SearchProblem(StatisticsNetworkFitter Fitter, FitPlan Plan, PairedSamples Samples, IReadOnlyList<int[]> Candidates,
        int FeaturesToKeep, int Seed, IChannel Channel, Func<int, string> Name, MineOptions Options, TorchSharp.torch.Device Device)
    {
        /// <summary>The search of <paramref name="strategy"/>.</summary>
        public static ISelectionSearch SearchFor(SelectionStrategy strategy) => strategy switch
        {
            SelectionStrategy.Ranking => new RankingSearch(),
            SelectionStrategy.Conditional => new ConditionalForwardSearch(),
            SelectionStrategy.Shapley => new ShapleyForwardSearch(),
            _ => new AmortizedBackwardSearch(),
        };

        /// <summary>Fits <paramref name="subsets"/> (slot lists) as one batched run in the stage <paramref name="stage"/>, racing for <paramref name="race"/>.</summary>
        public MineRun[] Fit(IReadOnlyList<int[]> subsets, string stage, CandidateRaceSettings race)
            => Fitter.Fit(Samples, subsets, Seed, Plan with { Stage = stage, Race = race });
    }
}
