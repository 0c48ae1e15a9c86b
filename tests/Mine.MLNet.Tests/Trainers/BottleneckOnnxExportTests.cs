using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;
using Mine.MLNet.Trainers.InformationBottleneck.Onnx;
using Mine.MLNet.Trainers.InformationBottleneck.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Mine.MLNet.Tests.Trainers
{
    /// <summary>The exported ONNX graph computes what the TorchSharp network computes, for every encoder.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class BottleneckOnnxExportTests
    {
        [TestMethod]
        [DataRow(BottleneckEncoder.Gaussian, 1)]
        [DataRow(BottleneckEncoder.Gaussian, 4)]
        [DataRow(BottleneckEncoder.Additive, 1)]
        [DataRow(BottleneckEncoder.Additive, 4)]
        [DataRow(BottleneckEncoder.Propagated, 1)]
        [DataRow(BottleneckEncoder.Propagated, 4)]
        public void OnnxRuntimeMatchesTorchSharpTo1e5(BottleneckEncoder encoder, int samples)
        {
            var rows = GaussianClassesData.Rows(400, seed: 11);
            float[] features = rows.SelectMany(r => r.Features).ToArray();
            int[] labels = rows.Select(r => Array.IndexOf(GaussianClassesData.Classes, r.Class)).ToArray();
            InformationBottleneckOptions options = BottleneckTestData.Fast(encoder);
            options.NumberOfEpochs = 2;
            options.EvaluationSamples = samples;
            options.EncoderHiddenLayerSizes = new[] { 32, 16 };
            using var channel = ((Microsoft.ML.Runtime.IHostEnvironment)new Microsoft.ML.MLContext(seed: 0)).Start("export test");
            using BottleneckRun run = new BottleneckTrainingLoop(options, CPU, channel).Train(features, labels, GaussianClassesData.Width, 3, seed: 2);

            int[] all = Enumerable.Range(0, rows.Count).ToArray();
            using var scope = NewDisposeScope();
            torch.Tensor x = tensor(run.Standardizer.Transform(features, all), new long[] { rows.Count, GaussianClassesData.Width });
            torch.Tensor noise = tensor(run.EvaluationNoise, new long[] { 1, samples, run.Network.NoiseWidth });
            float[] expected = BottleneckTrainingLoop.Predict(run.Network, x, noise).data<float>().ToArray();

            using var session = new InferenceSession(BottleneckOnnxExporter.Export(run, "Features", batched: true));
            var input = new DenseTensor<float>(features, new[] { rows.Count, GaussianClassesData.Width });
            using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("Features", input) });
            float[] actual = results.Single(r => r.Name == BottleneckOnnxExporter.ProbabilitiesOutput).AsEnumerable<float>().ToArray();
            Assert.HasCount(expected.Length, actual);
            for (int i = 0; i < expected.Length; i++)
                Assert.AreEqual(expected[i], actual[i], 1e-5, $"{encoder}, {samples} samples, value {i}");
        }
    }
}
