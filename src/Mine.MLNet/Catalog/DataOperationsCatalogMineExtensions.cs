using Mine.MLNet;
using Mine.MLNet.Data;
using Mine.MLNet.Estimation;
using Mine.MLNet.Hosting;

namespace Microsoft.ML
{
    /// <summary>Mutual-information estimation and the MNIST loader on <see cref="DataOperationsCatalog"/> (<c>mlContext.Data</c>).</summary>
    public static class DataOperationsCatalogMineExtensions
    {
        /// <summary>
        /// Estimates the mutual information I(X;Z) between two groups of columns with MINE (Belghazi et al.,
        /// ICML 2018): a variational bound trained on part of the rows and evaluated on rows it never saw (every row,
        /// by cross-fitting, on small tables), with a standard error and a 95% lower confidence bound.
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
    
        /// <summary>
        /// Loads MNIST from its standard IDX files (e.g. train-images-idx3-ubyte and train-labels-idx1-ubyte):
        /// a Features column of 784 pixels scaled to [0, 1], row by row, with slot names "r0c0" to "r27c27" (row and
        /// column from 0), and a key Label column (1 to 10, KeyValues "0" to "9").
        /// The files are read lazily on each pass over the view.
        /// </summary>
        /// <param name="catalog">The data operations catalog, <c>mlContext.Data</c>.</param>
        /// <param name="imagesPath">The IDX images file (magic number 0x00000803).</param>
        /// <param name="labelsPath">The IDX labels file (magic number 0x00000801) with one label per image.</param>
        /// <exception cref="System.IO.FileNotFoundException">A file does not exist.</exception>
        /// <exception cref="System.IO.InvalidDataException">A file is not an IDX file of the right kind, is truncated, or the counts differ.</exception>
        public static IDataView LoadMnist(this DataOperationsCatalog catalog, string imagesPath, string labelsPath)
            => new MnistIdxReader(imagesPath, labelsPath).Load(CatalogEnvironment.Context(CatalogEnvironment.Get(catalog)));
    }
}
