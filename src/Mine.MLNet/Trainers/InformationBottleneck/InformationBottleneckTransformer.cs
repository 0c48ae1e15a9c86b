using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet
{
    /// <summary>
    /// The trained information-bottleneck classifier, an ML.NET prediction transformer: <see cref="Model"/> holds the
    /// model parameters, and <see cref="FeatureColumnName"/> lets
    /// <c>mlContext.MulticlassClassification.PermutationFeatureImportance(model, data)</c> rank the input features, for
    /// this transformer or for a fitted chain that ends with it (Fit returns a run-time subclass that ML.NET's
    /// whole-chain overload recognises, so the class is not sealed; only Mine.MLNet can construct it). The whole-chain
    /// overload needs SlotNames on the feature column. Adds ML.NET's multiclass output columns: Score (a vector of
    /// Single, one probability per class, with SlotNames and the score-column annotations) and PredictedLabel (a key carrying the label's KeyValues). The
    /// network runs as an ONNX model inside ML.NET's ApplyOnnxModel transformer, followed by ML.NET's own multiclass
    /// scorer, so <c>mlContext.Model.Save</c> writes a model that loads (as a TransformerChain of those built-in
    /// transformers) in any process that references Microsoft.ML.OnnxTransformer.
    /// </summary>
    public class InformationBottleneckTransformer : ISingleFeaturePredictionTransformer<InformationBottleneckModelParameters>, IDisposable
    {
        private readonly TransformerChain<ITransformer> chain;

        internal InformationBottleneckTransformer(TransformerChain<ITransformer> chain, InformationBottleneckModelParameters model, string featureColumnName)
        {
            this.chain = chain;
            Model = model;
            FeatureColumnName = featureColumnName;
            FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, model.NumberOfFeatures);
        }

        /// <summary>The model parameters: shape, training history, I(X;Z) and the ONNX network.</summary>
        public InformationBottleneckModelParameters Model { get; }

        /// <summary>The feature column the classifier reads.</summary>
        public string FeatureColumnName { get; }

        /// <summary>Type of the feature column: a vector of <see cref="InformationBottleneckModelParameters.NumberOfFeatures"/> Single values.</summary>
        public DataViewType FeatureColumnType { get; }

        /// <summary>What each training epoch measured (the same as <c>Model.History</c>).</summary>
        public IReadOnlyList<InformationBottleneckEpoch> History => Model.History;

        /// <summary>MINE estimate of I(X;Z) in nats after training (the same as <c>Model.MutualInformation</c>).</summary>
        public double MutualInformation => Model.MutualInformation;

        /// <summary>Standard error of <see cref="MutualInformation"/>.</summary>
        public double MutualInformationStandardError => Model.MutualInformationStandardError;

        /// <summary>Always true: prediction works row by row.</summary>
        public bool IsRowToRowMapper => ((ITransformer)chain).IsRowToRowMapper;

        /// <summary>The input schema plus Score and PredictedLabel.</summary>
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => chain.GetOutputSchema(inputSchema);

        /// <summary>A row-to-row mapper for <paramref name="inputSchema"/>.</summary>
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => ((ITransformer)chain).GetRowToRowMapper(inputSchema);

        /// <summary>Adds Score and PredictedLabel to <paramref name="input"/>, lazily.</summary>
        public IDataView Transform(IDataView input) => chain.Transform(input);

        /// <summary>Writes the standalone ONNX model (see <see cref="InformationBottleneckModelParameters.SaveAsOnnx(Stream)"/>).</summary>
        public void SaveAsOnnx(Stream stream) => Model.SaveAsOnnx(stream);

        /// <summary>Writes the standalone ONNX model (see <see cref="InformationBottleneckModelParameters.SaveAsOnnx(Stream)"/>) to <paramref name="path"/>.</summary>
        public void SaveAsOnnx(string path) => Model.SaveAsOnnx(path);

        /// <summary>Saves the built-in transformers this classifier is made of.</summary>
        void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)chain).Save(ctx);

        /// <summary>Disposes the inner transformers (and the ONNX Runtime session).</summary>
        public void Dispose() => chain.Dispose();
    }
}
