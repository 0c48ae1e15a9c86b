using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet
{
    /// <summary>
    /// The trained information-bottleneck classifier. Adds ML.NET's multiclass output columns: Score (a vector of
    /// Single, one probability per class, with SlotNames) and PredictedLabel (a key carrying the label's
    /// KeyValues). The network runs as an ONNX model inside ML.NET's ApplyOnnxModel transformer, followed by
    /// ML.NET's own multiclass scorer, so <c>mlContext.Model.Save</c> writes a model that loads (as a
    /// TransformerChain) in any process that references Microsoft.ML.OnnxTransformer.
    /// </summary>
    public sealed class InformationBottleneckTransformer : ITransformer, IDisposable
    {
        private readonly TransformerChain<ITransformer> chain;
        private readonly byte[] onnxModel;

        internal InformationBottleneckTransformer(TransformerChain<ITransformer> chain, byte[] onnxModel,
            IReadOnlyList<InformationBottleneckEpoch> history, double mutualInformation, double mutualInformationStandardError)
        {
            this.chain = chain;
            this.onnxModel = onnxModel;
            History = history;
            MutualInformation = mutualInformation;
            MutualInformationStandardError = mutualInformationStandardError;
        }

        /// <summary>What each training epoch measured: loss, cross-entropy, I(X;Z) and validation accuracy.</summary>
        public IReadOnlyList<InformationBottleneckEpoch> History { get; }

        /// <summary>
        /// MINE (Donsker-Varadhan) estimate of I(X;Z) in nats between the input and its stochastic encoding after
        /// training, on the validation rows (on training rows when ValidationFraction is 0). A lower bound.
        /// </summary>
        public double MutualInformation { get; }

        /// <summary>Standard error of <see cref="MutualInformation"/>.</summary>
        public double MutualInformationStandardError { get; }

        /// <summary>Always true: prediction works row by row.</summary>
        public bool IsRowToRowMapper => ((ITransformer)chain).IsRowToRowMapper;

        /// <summary>The input schema plus Score and PredictedLabel.</summary>
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => chain.GetOutputSchema(inputSchema);

        /// <summary>A row-to-row mapper for <paramref name="inputSchema"/>.</summary>
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => ((ITransformer)chain).GetRowToRowMapper(inputSchema);

        /// <summary>Adds Score and PredictedLabel to <paramref name="input"/>, lazily.</summary>
        public IDataView Transform(IDataView input) => chain.Transform(input);

        /// <summary>
        /// Writes the classifier as a standalone ONNX model (opset 17) for serving outside ML.NET: input named after
        /// the feature column, shape [N, D] (raw features; the standardisation is inside), outputs
        /// "probabilities" [N, C] and "predicted_class" [N] (0-based class index, in the label's key order).
        /// </summary>
        public void SaveAsOnnx(Stream stream)
        {
            ArgumentNullException.ThrowIfNull(stream);
            stream.Write(onnxModel);
        }

        /// <summary>Writes the standalone ONNX model (see <see cref="SaveAsOnnx(Stream)"/>) to <paramref name="path"/>.</summary>
        public void SaveAsOnnx(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            File.WriteAllBytes(path, onnxModel);
        }

        /// <summary>Saves the built-in transformers this classifier is made of.</summary>
        void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)chain).Save(ctx);

        /// <summary>Disposes the inner transformers (and the ONNX Runtime session).</summary>
        public void Dispose() => chain.Dispose();
    }
}
