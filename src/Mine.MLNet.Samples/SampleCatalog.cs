using System;
using System.Collections.Generic;

namespace Mine.MLNet.Samples
{
    /// <summary>Every runnable sample by name, in the order <c>list</c> prints them.</summary>
    public static class SampleCatalog
    {
        /// <summary>The samples: name to <c>Example</c> method.</summary>
        public static IReadOnlyDictionary<string, Action> All { get; } = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(Dynamic.EstimateMutualInformation)] = Dynamic.EstimateMutualInformation.Example,
            [nameof(Dynamic.EstimateMutualInformationWithEachBound)] = Dynamic.EstimateMutualInformationWithEachBound.Example,
            [nameof(Dynamic.ReadTheConfidenceInterval)] = Dynamic.ReadTheConfidenceInterval.Example,
            [nameof(Dynamic.MutualInformationSelectRanking)] = Dynamic.MutualInformationSelectRanking.Example,
            [nameof(Dynamic.MutualInformationSelectJoint)] = Dynamic.MutualInformationSelectJoint.Example,
            [nameof(Dynamic.MutualInformationSelectInAPipeline)] = Dynamic.MutualInformationSelectInAPipeline.Example,
            [nameof(Dynamic.InformationBottleneck)] = Dynamic.InformationBottleneck.Example,
            [nameof(Dynamic.LoadMnist)] = Dynamic.LoadMnist.Example,
        };
    }
}
