using Microsoft.ML;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>Small, fast settings and data for the information-bottleneck trainer tests.</summary>
    internal static class BottleneckTestData
    {
        /// <summary>
        /// A small network trained briefly: enough for the three Gaussian classes. The noise, the constant learning rate
        /// and the last weights (no averaging) are the settings these tests' figures were measured with, fixed here so
        /// that the MNIST-tuned defaults (sigma 1.0, decay 0.97, averaging 0.999) do not change what they test;
        /// DefaultOptionsTests covers the defaults.
        /// </summary>
        public static InformationBottleneckOptions Fast(BottleneckEncoder encoder, double beta = 1e-3) => new InformationBottleneckOptions
        {
            Encoder = encoder,
            Beta = beta,
            EncoderHiddenLayerSizes = new[] { 32 },
            BottleneckSize = 8,
            StatisticsNetworkHiddenLayerSizes = new[] { 32 },
            NumberOfEpochs = 12,
            BatchSize = 50,
            LearningRate = 3e-3,
            NoiseStandardDeviation = 0.5,
            LearningRateDecay = 1,
            ParameterAveragingDecay = 0,
            Seed = 1,
        };

        /// <summary>1,200 training rows (seed 3).</summary>
        public static IDataView Training(MLContext context) => GaussianClassesData.Load(context, GaussianClassesData.Rows(1200, seed: 3));

        /// <summary>900 test rows from a different seed.</summary>
        public static IDataView Test(MLContext context) => GaussianClassesData.Load(context, GaussianClassesData.Rows(900, seed: 4));
    }
}
