using System;
using System.Collections.Generic;
using System.IO;

namespace Mine.MLNet
{
    /// <summary>
    /// What a trained information-bottleneck classifier is: its shape, what training measured, and the network as a
    /// standalone ONNX model. <c>model.LastTransformer.Model</c> of a fitted pipeline ending in
    /// <c>MulticlassClassification.Trainers.InformationBottleneck</c>, as for ML.NET's own trainers.
    /// </summary>
    public sealed class InformationBottleneckModelParameters
    {
        private readonly byte[] onnxModel;

        internal InformationBottleneckModelParameters(BottleneckEncoder encoder, int numberOfFeatures, int numberOfClasses, int bottleneckSize,
            IReadOnlyList<InformationBottleneckEpoch> history, double mutualInformation, double mutualInformationStandardError, byte[] onnxModel)
        {
            Encoder = encoder;
            NumberOfFeatures = numberOfFeatures;
            NumberOfClasses = numberOfClasses;
            BottleneckSize = bottleneckSize;
            History = history;
            MutualInformation = mutualInformation;
            MutualInformationStandardError = mutualInformationStandardError;
            this.onnxModel = onnxModel;
        }

        /// <summary>How Z was formed from X.</summary>
        public BottleneckEncoder Encoder { get; }

        /// <summary>Width of the feature vector the model reads.</summary>
        public int NumberOfFeatures { get; }

        /// <summary>Number of classes: the label's key count, the width of Score.</summary>
        public int NumberOfClasses { get; }

        /// <summary>Dimensions of the encoding Z.</summary>
        public int BottleneckSize { get; }

        /// <summary>What each training epoch measured: loss, cross-entropy, I(X;Z) and validation accuracy.</summary>
        public IReadOnlyList<InformationBottleneckEpoch> History { get; }

        /// <summary>
        /// MINE (Donsker-Varadhan) estimate of I(X;Z) in nats between the input and its stochastic encoding after
        /// training, on the validation rows (on training rows when ValidationFraction is 0). A lower bound.
        /// </summary>
        public double MutualInformation { get; }

        /// <summary>Standard error of <see cref="MutualInformation"/>.</summary>
        public double MutualInformationStandardError { get; }

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
    }
}
