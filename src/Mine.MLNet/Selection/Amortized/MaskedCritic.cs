using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Estimation.Networks;
using Mine.MLNet.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Selection.Amortized
{
    /// <summary>
    /// One statistics network for every subset of the candidates (an amortised critic): F independent members (one per
    /// cross-fitting fold), each a ReLU MLP on [x * m, m], where m is a 0/1 mask over x's slots, with a softmax over the
    /// label's C classes. For a fixed mask S, a member is a function of (x_S, y) only, so T(x, y) = log q(y | x_S) -
    /// log p(y) is a statistics network for I(x_S; y): with the exact marginal term, the Donsker-Varadhan bound (eq. 10)
    /// of this T is E[log q(y | x_S)] - E[log p(y)] (the marginal term is log 1 = 0), a lower bound on held-out rows
    /// whatever q learned (Barber and Agakov's bound).
    /// </summary>
    internal sealed class MaskedCritic : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly List<Parameter> weights;
        private readonly List<Parameter> biases;

        /// <param name="members">F, the independent networks.</param>
        /// <param name="slots">d, the slots of x.</param>
        /// <param name="classes">C, the label's classes.</param>
        /// <param name="hiddenLayerSizes">The hidden layers.</param>
        /// <param name="generator">Draws the initial weights (PyTorch's default uniform +-1/sqrt(fan_in)).</param>
        public MaskedCritic(int members, int slots, int classes, IReadOnlyList<int> hiddenLayerSizes, Generator generator)
            : base(nameof(MaskedCritic))
        {
            Members = members;
            Slots = slots;
            Classes = classes;
            (weights, biases) = BatchedLayerParameters.Register(this, members, 2 * slots, hiddenLayerSizes.Append(classes), generator);
        }

        /// <summary>F, the independent members.</summary>
        public int Members { get; }

        /// <summary>d, the slots of x.</summary>
        public int Slots { get; }

        /// <summary>C, the label's classes.</summary>
        public int Classes { get; }

        /// <summary>Log class probabilities [F, n, C] of rows <paramref name="x"/> [F, n, d] under masks <paramref name="mask"/> [F, n, d].</summary>
        public override Tensor forward(Tensor x, Tensor mask)
            => FromFirstLayer(FirstLayer(x, mask));

        /// <summary>The first layer's pre-activation [F, n, H] of rows under masks: [x * m, m] W + b.</summary>
        public Tensor FirstLayer(Tensor x, Tensor mask)
            => ScalarArithmetic.Add(bmm(cat(new[] { x * mask, mask }, 2), weights[0]), biases[0]);

        /// <summary>
        /// What slot j adds to the first layer's pre-activation of each row when it is unmasked: x_j W_j + W_(d + j), as
        /// [F, n, d, H]. The pre-activation under any mask is the bias plus the sum of the unmasked slots' terms, so the
        /// effect of masking one candidate more or less is one addition, not a new product.
        /// </summary>
        public Tensor SlotTerms(Tensor x)
        {
            long f = x.shape[0], n = x.shape[1];
            Tensor valueWeights = weights[0].narrow(1, 0, Slots);           // [F, d, H]
            Tensor maskWeights = weights[0].narrow(1, Slots, Slots);        // [F, d, H]
            return ScalarArithmetic.Add(x.unsqueeze(3) * valueWeights.unsqueeze(1), maskWeights.unsqueeze(1));
        }

        /// <summary>
        /// What each of P candidates, given as slot indicators [P, d], adds to the first layer's pre-activation of each row
        /// when unmasked, as [F, n, P, H]: the sum of its slots' <see cref="SlotTerms"/>, formed without them.
        /// </summary>
        public Tensor CandidateTerms(Tensor x, Tensor candidateSlots)
        {
            long f = x.shape[0], n = x.shape[1], p = candidateSlots.shape[0];
            Tensor valueWeights = weights[0].narrow(1, 0, Slots);           // [F, d, H]
            Tensor maskWeights = weights[0].narrow(1, Slots, Slots);        // [F, d, H]
            Tensor values = bmm((x.unsqueeze(2) * candidateSlots).reshape(f, n * p, Slots), valueWeights).reshape(f, n, p, -1);
            return ScalarArithmetic.Add(values, candidateSlots.matmul(maskWeights).unsqueeze(1));
        }

        /// <summary>The first layer's bias, [F, 1, H].</summary>
        public Tensor FirstBias => biases[0];

        /// <summary>Log class probabilities [F, ..., C] from first-layer pre-activations [F, ..., H] (any middle dimensions).</summary>
        public Tensor FromFirstLayer(Tensor preActivation)
        {
            long[] shape = preActivation.shape;
            long f = shape[0];
            Tensor h = nn.functional.relu(preActivation.reshape(f, -1, shape[^1]));
            for (int layer = 1; layer < weights.Count; layer++)
            {
                h = ScalarArithmetic.Add(bmm(h, weights[layer]), biases[layer]);
                if (layer < weights.Count - 1)
                    h = nn.functional.relu(h);
            }
            long[] output = shape.ToArray();
            output[^1] = Classes;
            return nn.functional.log_softmax(h, -1).reshape(output);
        }
    }
}
