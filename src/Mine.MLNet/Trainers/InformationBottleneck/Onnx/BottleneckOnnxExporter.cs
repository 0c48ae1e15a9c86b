using System;
using Mine.MLNet.Native;
using Mine.MLNet.Trainers.InformationBottleneck.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Trainers.InformationBottleneck.Onnx
{
    /// <summary>
    /// Writes the prediction path of a trained information-bottleneck classifier as an ONNX graph: standardise,
    /// encode under the S fixed prediction-time noise draws, decode, softmax, average over the draws.
    /// </summary>
    internal static class BottleneckOnnxExporter
    {
        /// <summary>Name of the batched model's class-probability output, [N, C].</summary>
        public const string ProbabilitiesOutput = "probabilities";

        /// <summary>Name of the batched model's predicted class output (0-based index), [N].</summary>
        public const string PredictedClassOutput = "predicted_class";

        /// <summary>
        /// The ONNX model. <paramref name="batched"/>: input [N, D] and outputs <see cref="ProbabilitiesOutput"/> and
        /// <see cref="PredictedClassOutput"/>, for serving. Otherwise one row: input [D] and output
        /// <paramref name="probabilitiesName"/> [C], the shapes ML.NET's ApplyOnnxModel maps to vector columns.
        /// </summary>
        public static byte[] Export(BottleneckRun run, string inputName, bool batched, string probabilitiesName = ProbabilitiesOutput)
        {
            // Holds every tensor read from the network until the export ends (see ScalarArithmetic on native lifetimes).
            using var scope = NewDisposeScope();
            BottleneckNetwork network = run.Network;
            int width = network.InputWidth, samples = run.EvaluationSamples, noiseWidth = network.NoiseWidth;
            var graph = new OnnxGraphBuilder();
            string x = batched
                ? graph.Input(inputName, OnnxGraphBuilder.FloatType, null, width)
                : graph.Node("Unsqueeze", new[] { graph.Input(inputName, OnnxGraphBuilder.FloatType, width), Axes(graph, 0) });
            x = graph.Node("Mul", new[] { graph.Node("Sub", new[] { x, graph.Constant(run.Standardizer.Means, width) }), graph.Constant(run.Standardizer.Scales, width) });

            string z = network.Encoder switch
            {
                BottleneckEncoder.Gaussian => GaussianEncoding(graph, network, x, run.EvaluationNoise, samples),
                BottleneckEncoder.Additive => AdditiveEncoding(graph, network, x, run.EvaluationNoise, samples),
                _ => PropagatedEncoding(graph, network, x, run.EvaluationNoise, samples),
            };
            string logits = Linear(graph, network.Decoder, z);
            string softmax = graph.Node("Softmax", new[] { logits }, null, OnnxAttribute.Int("axis", -1));
            string mean = graph.Node("ReduceMean", new[] { softmax }, batched ? probabilitiesName : null,
                OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0));
            if (batched)
            {
                graph.Output(probabilitiesName, OnnxGraphBuilder.FloatType, null, run.Classes);
                graph.Node("ArgMax", new[] { mean }, PredictedClassOutput, OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0));
                graph.Output(PredictedClassOutput, OnnxGraphBuilder.Int64Type, new long?[] { null });
            }
            else
            {
                graph.Node("Reshape", new[] { mean, graph.Constant(new long[] { run.Classes }, 1) }, probabilitiesName);
                graph.Output(probabilitiesName, OnnxGraphBuilder.FloatType, run.Classes);
            }
            return graph.ToModel("InformationBottleneckClassifier", "Mine.MLNet", typeof(BottleneckOnnxExporter).Assembly.GetName().Version?.ToString() ?? "0");
        }

        /// <summary>z = mu(x) + sigma(x) * eps for the S draws: [N, S, K].</summary>
        private static string GaussianEncoding(OnnxGraphBuilder graph, BottleneckNetwork network, string x, float[] noise, int samples)
        {
            string h = Trunk(graph, network, x, 0);
            string mu = graph.Node("Unsqueeze", new[] { Linear(graph, network.Head, h), Axes(graph, 1) });
            string pre = graph.Node("Sub", new[] { Linear(graph, network.SigmaHead, h), graph.Constant(new[] { BottleneckNetwork.SigmaOffset }, 1) });
            string sigma = graph.Node("Unsqueeze", new[] { graph.Node("Softplus", new[] { pre }), Axes(graph, 1) });
            string eps = graph.Constant(noise, 1, samples, network.NoiseWidth);
            return graph.Node("Add", new[] { mu, graph.Node("Mul", new[] { sigma, eps }) });
        }

        /// <summary>z = enc(x + sigma * eps) for the S draws: [N, S, K].</summary>
        private static string AdditiveEncoding(OnnxGraphBuilder graph, BottleneckNetwork network, string x, float[] noise, int samples)
        {
            float[] scaled = Array.ConvertAll(noise, e => network.NoiseScale * e);
            string input = graph.Node("Add", new[] { graph.Node("Unsqueeze", new[] { x, Axes(graph, 1) }), graph.Constant(scaled, 1, samples, network.InputWidth) });
            return Linear(graph, network.Head, Trunk(graph, network, input, 0));
        }

        /// <summary>
        /// z = enc([x, sigma * eps]) for the S draws: [N, S, K]. The first layer W [x, e] + b splits into
        /// W_x x + (W_e e + b), and the second term is a constant [S, H] because the draws are fixed.
        /// </summary>
        private static string PropagatedEncoding(OnnxGraphBuilder graph, BottleneckNetwork network, string x, float[] noise, int samples)
        {
            Linear first = network.Trunk.Count > 0 ? network.Trunk[0] : network.Head;
            int width = network.InputWidth, hidden = (int)first.weight.shape[0];
            using var scope = NewDisposeScope();
            Tensor weight = first.weight.detach().cpu();
            Tensor xPart = weight.narrow(1, 0, width).t().contiguous();
            Tensor eps = ScalarArithmetic.Multiply(tensor(noise, new long[] { samples, network.NoiseWidth }), network.NoiseScale);
            Tensor noiseTerm = ScalarArithmetic.Add(eps.matmul(weight.narrow(1, width, network.NoiseWidth).t()), first.bias.detach().cpu());
            string projected = graph.Node("MatMul", new[] { x, graph.Constant(xPart.data<float>().ToArray(), width, hidden) });
            string h = graph.Node("Add", new[] { graph.Node("Unsqueeze", new[] { projected, Axes(graph, 1) }),
                graph.Constant(noiseTerm.contiguous().data<float>().ToArray(), 1, samples, hidden) });
            if (network.Trunk.Count == 0)
                return h;
            return Linear(graph, network.Head, Trunk(graph, network, graph.Node("Relu", new[] { h }), 1));
        }

        /// <summary>ReLU layers of the encoder trunk from layer <paramref name="from"/> on.</summary>
        private static string Trunk(OnnxGraphBuilder graph, BottleneckNetwork network, string h, int from)
        {
            for (int layer = from; layer < network.Trunk.Count; layer++)
                h = graph.Node("Relu", new[] { Linear(graph, network.Trunk[layer], h) });
            return h;
        }

        /// <summary>h W^T + b, broadcasting over leading dimensions (MatMul follows numpy).</summary>
        private static string Linear(OnnxGraphBuilder graph, Linear layer, string h)
        {
            using var scope = NewDisposeScope();
            long outputs = layer.weight.shape[0], inputs = layer.weight.shape[1];
            float[] weight = layer.weight.detach().cpu().t().contiguous().data<float>().ToArray();
            float[] bias = layer.bias.detach().cpu().data<float>().ToArray();
            string product = graph.Node("MatMul", new[] { h, graph.Constant(weight, inputs, outputs) });
            return graph.Node("Add", new[] { product, graph.Constant(bias, outputs) });
        }

        private static string Axes(OnnxGraphBuilder graph, long axis) => graph.Constant(new[] { axis }, 1);
    }
}
