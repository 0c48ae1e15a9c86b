using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Native;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>
    /// An exponential moving average of a set of parameters (Polyak averaging, as Alemi et al. 2016 use with decay
    /// 0.999 in the MNIST set-up the paper follows). After step t the average moves towards the current values with
    /// decay min(<c>decay</c>, (1 + t) / (10 + t)), so that a short run averages its recent steps rather than keeping
    /// the random initialisation.
    /// </summary>
    internal sealed class ParameterAverage : IDisposable
    {
        private readonly Parameter[] parameters;
        private readonly Tensor[] averages;
        private readonly double decay;
        private long steps;

        public ParameterAverage(IEnumerable<Parameter> parameters, double decay)
        {
            this.parameters = parameters.ToArray();
            this.decay = decay;
            using (no_grad())
                averages = Array.ConvertAll(this.parameters, p => p.detach().clone());
        }

        /// <summary>Moves the average one step towards the parameters' current values.</summary>
        public void Update()
        {
            steps++;
            double rate = Math.Min(decay, (1.0 + steps) / (10.0 + steps));
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                    ScalarArithmetic.ScaleAndAddInPlace(averages[i], rate, parameters[i], 1 - rate);
            }
        }

        /// <summary>Exchanges the parameters' values with the averages: call twice to get the training values back.</summary>
        public void Swap()
        {
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    using Tensor current = parameters[i].detach().clone();
                    parameters[i].copy_(averages[i]);
                    averages[i].copy_(current);
                }
            }
        }

        public void Dispose()
        {
            foreach (Tensor average in averages)
                average.Dispose();
        }
    }
}
