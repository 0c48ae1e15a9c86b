using Mine.MLNet;
using Mine.MLNet.Hosting;

namespace Microsoft.ML
{
    /// <summary>MINE feature selection on <see cref="TransformsCatalog"/> (<c>mlContext.Transforms</c>).</summary>
    public static class TransformsCatalogMineExtensions
    {
        /// <summary>
        /// Keeps the <paramref name="featuresToKeep"/> input slots with the most mutual information with the label,
        /// by MINE, using the defaults of <see cref="MutualInformationSelectOptions"/> (every slot a candidate,
        /// <see cref="SelectionStrategy.Shapley"/>).
        /// </summary>
        /// <param name="catalog">The transforms catalog, <c>mlContext.Transforms</c>.</param>
        /// <param name="outputColumnName">The output column: a vector of Single holding the kept slots in their original order, with SlotNames.</param>
        /// <param name="labelColumnName">The label: key, Boolean or numeric.</param>
        /// <param name="inputColumnNames">The inputs: numeric or Boolean scalars and known-size vectors.</param>
        /// <param name="featuresToKeep">How many slots to keep, at least 1.</param>
        /// <returns>An estimator; its fitted transformer exposes the <see cref="MutualInformationSelectingTransformer.Ranking"/>.</returns>
        public static MutualInformationSelectingEstimator MutualInformationSelect(this TransformsCatalog catalog,
            string outputColumnName, string labelColumnName, string[] inputColumnNames, int featuresToKeep)
            => MutualInformationSelect(catalog, new MutualInformationSelectOptions
            {
                OutputColumnName = outputColumnName,
                LabelColumnName = labelColumnName,
                InputColumnNames = inputColumnNames,
                FeaturesToKeep = featuresToKeep,
            });

        /// <summary>
        /// Keeps the input slots or columns with the most mutual information with the label, by per-candidate
        /// ranking or by interaction-aware joint search (<see cref="MutualInformationSelectOptions.Strategy"/>).
        /// </summary>
        /// <param name="catalog">The transforms catalog, <c>mlContext.Transforms</c>.</param>
        /// <param name="options">Columns, how many to keep, candidates, strategy and MINE settings.</param>
        /// <returns>An estimator; its fitted transformer exposes the <see cref="MutualInformationSelectingTransformer.Ranking"/>.</returns>
        public static MutualInformationSelectingEstimator MutualInformationSelect(this TransformsCatalog catalog, MutualInformationSelectOptions options)
            => new MutualInformationSelectingEstimator(CatalogEnvironment.Get(catalog), options);
    }
}
