using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Native;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>
    /// The information-bottleneck classifier of paper section 5.3: a stochastic encoder Z = f(X, eps) (Gaussian,
    /// additive or propagated noise) followed by a linear softmax decoder. Inputs are standardised rows [B, D];
    /// noise is [B or 1, S, NoiseWidth] so one call encodes S noise draws per row.
    /// </summary>
    internal sealed class BottleneckNetwork : nn.Module<Tensor, Tensor, Tensor>
    {
        /// <summary>Alemi et al.'s offset: sigma(x) = softplus(pre-activation - 5) starts near e^-5.</summary>
        public const float SigmaOffset = 5f;

        private readonly ModuleList<Linear> trunk = new();
        private readonly Linear head;
        private readonly Linear sigmaHead;
        private readonly Linear decoder;

        public BottleneckNetwork(BottleneckEncoder encoder, int inputWidth, IReadOnlyList<int> hiddenLayerSizes,
            int bottleneckSize, int classes, double noiseStandardDeviation, Generator generator)
            : base(nameof(BottleneckNetwork))
        {
            Encoder = encoder;
            InputWidth = inputWidth;
            // Propagated noise is as wide as the input: a fixed width (it was BottleneckSize, 256) drowns a narrow
            // table's few features in noise inputs at initialisation, and the encoder stayed at chance on 10 features.
            NoiseWidth = encoder == BottleneckEncoder.Gaussian ? bottleneckSize : inputWidth;
            NoiseScale = (float)noiseStandardDeviation;
            int width = encoder == BottleneckEncoder.Propagated ? inputWidth + NoiseWidth : inputWidth;
            foreach (int hidden in hiddenLayerSizes)
            {
                trunk.Add(NewLinear(width, hidden, generator));
                width = hidden;
            }
            head = NewLinear(width, bottleneckSize, generator);
            if (encoder == BottleneckEncoder.Gaussian)
                sigmaHead = NewLinear(width, bottleneckSize, generator);
            decoder = NewLinear(bottleneckSize, classes, generator);
            register_module(nameof(trunk), trunk);
            register_module(nameof(head), head);
            if (sigmaHead != null)
                register_module(nameof(sigmaHead), sigmaHead);
            register_module(nameof(decoder), decoder);
        }

        public BottleneckEncoder Encoder { get; }

        public int InputWidth { get; }

        /// <summary>Width of one noise draw eps.</summary>
        public int NoiseWidth { get; }

        /// <summary>sigma of the additive and propagated encoders.</summary>
        public float NoiseScale { get; }

        public IReadOnlyList<Linear> Trunk => trunk.ToList();

        /// <summary>The layer giving z (or mu(x) for the Gaussian encoder).</summary>
        public Linear Head => head;

        /// <summary>The Gaussian encoder's sigma pre-activation layer; null for the other encoders.</summary>
        public Linear SigmaHead => sigmaHead;

        public Linear Decoder => decoder;

        /// <summary>Logits [B, S, C] of the encodings of <paramref name="x"/> [B, D] under <paramref name="noise"/>.</summary>
        public override Tensor forward(Tensor x, Tensor noise) => decoder.forward(Encode(x, noise));

        /// <summary>The encodings z [B, S, K] of <paramref name="x"/> [B, D] under <paramref name="noise"/> [B or 1, S, NoiseWidth].</summary>
        public Tensor Encode(Tensor x, Tensor noise)
        {
            Tensor rows = x.unsqueeze(1);
            switch (Encoder)
            {
                case BottleneckEncoder.Gaussian:
                {
                    Tensor h = ApplyTrunk(x);
                    Tensor mu = head.forward(h).unsqueeze(1);
                    Tensor sigma = ScalarArithmetic.Softplus(ScalarArithmetic.Subtract(sigmaHead.forward(h), SigmaOffset)).unsqueeze(1);
                    return ScalarArithmetic.Add(mu, sigma * noise);
                }
                case BottleneckEncoder.Additive:
                    return head.forward(ApplyTrunk(ScalarArithmetic.Add(rows, ScalarArithmetic.Multiply(noise, NoiseScale))));
                default:
                {
                    long b = x.shape[0], s = noise.shape[1];
                    Tensor input = cat(new[] { rows.expand(b, s, x.shape[1]), ScalarArithmetic.Multiply(noise, NoiseScale).expand(b, s, NoiseWidth) }, 2);
                    return head.forward(ApplyTrunk(input));
                }
            }
        }

        /// <summary>Class probabilities [B, C]: the softmax averaged over the S draws of <paramref name="noise"/> [1, S, NoiseWidth].</summary>
        public Tensor Probabilities(Tensor x, Tensor noise) => nn.functional.softmax(forward(x, noise), -1).mean(new long[] { 1 });

        private Tensor ApplyTrunk(Tensor h)
        {
            foreach (Linear layer in trunk)
                h = nn.functional.relu(layer.forward(h));
            return h;
        }

        /// <summary>A linear layer with PyTorch's default initialisation, uniform in +-1/sqrt(fan_in), drawn from <paramref name="generator"/>.</summary>
        private static Linear NewLinear(int inputs, int outputs, Generator generator)
        {
            var layer = nn.Linear(inputs, outputs);
            double limit = 1.0 / Math.Sqrt(inputs);
            using (no_grad())
            {
                layer.weight.copy_(ScalarArithmetic.Uniform(new long[] { outputs, inputs }, limit, generator));
                layer.bias.copy_(ScalarArithmetic.Uniform(new long[] { outputs }, limit, generator));
            }
            return layer;
        }
    }
}
