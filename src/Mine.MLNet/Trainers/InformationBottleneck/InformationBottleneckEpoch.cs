namespace Mine.MLNet
{
    /// <summary>What one training epoch of the information-bottleneck trainer measured.</summary>
    public sealed class InformationBottleneckEpoch
    {
        internal InformationBottleneckEpoch(int epoch, double loss, double crossEntropy, double mutualInformation, double? validationAccuracy)
        {
            Epoch = epoch;
            Loss = loss;
            CrossEntropy = crossEntropy;
            MutualInformation = mutualInformation;
            ValidationAccuracy = validationAccuracy;
        }

        /// <summary>The epoch number, from 1.</summary>
        public int Epoch { get; }

        /// <summary>Mean training loss over the epoch's batches: cross-entropy + beta * I(X;Z), in nats.</summary>
        public double Loss { get; }

        /// <summary>Mean training cross-entropy over the epoch's batches, in nats.</summary>
        public double CrossEntropy { get; }

        /// <summary>Mean MINE (Donsker-Varadhan) estimate of I(X;Z) on the epoch's training batches, in nats.</summary>
        public double MutualInformation { get; }

        /// <summary>Accuracy on the validation rows at the end of the epoch, with the prediction-time encoding and weights (the averaged ones when <see cref="InformationBottleneckOptions.ParameterAveragingDecay"/> is above 0); null when <see cref="InformationBottleneckOptions.ValidationFraction"/> is 0.</summary>
        public double? ValidationAccuracy { get; }

        /// <inheritdoc/>
        public override string ToString()
            => $"epoch {Epoch}: loss {Loss:F4}, cross-entropy {CrossEntropy:F4}, I(X;Z) {MutualInformation:F3} nats, "
                + (ValidationAccuracy is double accuracy ? $"validation accuracy {accuracy:P2}" : "no validation rows");
    }
}
