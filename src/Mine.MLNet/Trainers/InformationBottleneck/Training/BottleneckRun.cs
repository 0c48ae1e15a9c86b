using System;
using System.Collections.Generic;
using Mine.MLNet.Data.Scaling;
using Mine.MLNet.Estimation.Statistics;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>A trained information-bottleneck classifier with what is needed to export and report it.</summary>
    internal sealed class BottleneckRun : IDisposable
    {
        public BottleneckRun(BottleneckNetwork network, Standardizer standardizer, float[] evaluationNoise, int evaluationSamples,
            IReadOnlyList<InformationBottleneckEpoch> history, BoundEvaluation mutualInformation, int classes)
        {
            Network = network;
            Standardizer = standardizer;
            EvaluationNoise = evaluationNoise;
            EvaluationSamples = evaluationSamples;
            History = history;
            MutualInformation = mutualInformation;
            Classes = classes;
        }

        public BottleneckNetwork Network { get; }

        /// <summary>The input standardisation fitted on the training rows.</summary>
        public Standardizer Standardizer { get; }

        /// <summary>The fixed prediction-time noise, [S, NoiseWidth] row-major (all zeros when S = 1).</summary>
        public float[] EvaluationNoise { get; }

        public int EvaluationSamples { get; }

        public IReadOnlyList<InformationBottleneckEpoch> History { get; }

        /// <summary>The final MINE estimate of I(X;Z) on held-out rows.</summary>
        public BoundEvaluation MutualInformation { get; }

        public int Classes { get; }

        public void Dispose() => Network.Dispose();
    }
}
