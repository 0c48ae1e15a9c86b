using Mine.MLNet;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation;

namespace Microsoft.ML
{
    /// <summary>Mutual-information estimation on <see cref="DataOperationsCatalog"/> (<c>mlContext.Data</c>).</summary>
    public static class DataOperationsCatalogMineExtensions
    {
        /// <summary>
        /// Estimates the mutual information I(X;Z) between two groups of columns with MINE (Belghazi et al.,
        /// ICML 2018): a neural lower bound trained on part of the rows and evaluated, with a 95% interval, on
        /// rows it never saw.
        /// </summary>
        /// <param name="catalog">The data operations catalog, <c>mlContext.Data</c>.</param>
        /// <param name="data">The rows to read.</param>
        /// <param name="xColumnNames">The columns that make up X: numeric, Boolean or key scalars or known-size vectors.</param>
        /// <param name="zColumnNames">The columns that make up Z; none may also be in <paramref name="xColumnNames"/>.</param>
        /// <param name="options">Training and bound settings; null uses the defaults of <see cref="MineOptions"/>.</param>
        /// <returns>The estimate in nats and bits, its standard error and interval, and the training curves.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A column is missing or of an unsupported type, or an option is out of range.</exception>
        /// <exception cref="System.InvalidOperationException">Too few usable rows, or the bound diverged.</exception>
        /// <exception cref="System.OperationCanceledException"><see cref="MineOptions.CancellationToken"/> was cancelled.</exception>
        public static MutualInformationEstimate EstimateMutualInformation(this DataOperationsCatalog catalog,
            IDataView data, string[] xColumnNames, string[] zColumnNames, MineOptions options = null)
            => new MutualInformationEstimator(CatalogEnvironment.Get(catalog), options).Estimate(data, xColumnNames, zColumnNames);
    }
}
