using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet
{
    /// <summary>
    /// The fitted <see cref="MutualInformationSelectingEstimator"/>: writes the kept slots, in their original
    /// order, to the output column, and exposes the <see cref="Ranking"/> that chose them. It is made of built-in
    /// ML.NET transformers, so <c>mlContext.Model.Save</c> writes a model that loads (as a TransformerChain)
    /// without this library.
    /// </summary>
    public sealed class MutualInformationSelectingTransformer : ITransformer, IDisposable
    {
        private readonly TransformerChain<ITransformer> chain;

        internal MutualInformationSelectingTransformer(TransformerChain<ITransformer> chain, IReadOnlyList<FeatureRankingEntry> ranking)
        {
            this.chain = chain;
            Ranking = ranking;
        }

        /// <summary>Every candidate, best first: its name, rank, score in nats with standard error, and whether it was kept.</summary>
        public IReadOnlyList<FeatureRankingEntry> Ranking { get; }

        /// <summary>Always true: the selection works row by row.</summary>
        public bool IsRowToRowMapper => ((ITransformer)chain).IsRowToRowMapper;

        /// <summary>The input schema plus the output column (a vector of Single with SlotNames).</summary>
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => chain.GetOutputSchema(inputSchema);

        /// <summary>A row-to-row mapper for <paramref name="inputSchema"/>.</summary>
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => ((ITransformer)chain).GetRowToRowMapper(inputSchema);

        /// <summary>Adds the output column to <paramref name="input"/>, lazily.</summary>
        public IDataView Transform(IDataView input) => chain.Transform(input);

        /// <summary>Saves the built-in transformers this selector is made of.</summary>
        void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)chain).Save(ctx);

        /// <summary>Disposes the inner transformers.</summary>
        public void Dispose() => chain.Dispose();
    }
}
