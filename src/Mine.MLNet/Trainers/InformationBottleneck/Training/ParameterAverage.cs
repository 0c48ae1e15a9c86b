using System;
using System.Collections.Generic;
using System.Linq;
using Mine.MLNet.Estimation.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mine.MLNet.Trainers.InformationBottleneck.Training
{
    /// <summary>
    /// An exponential moving average of a set of parameters (Polyak averaging, as Alemi et al. 2016 use with decay
    /// 0.999 in the MNIST set-up the paper follows), with <see cref="WeightAveraging"/>'s warm-up, that can be swapped in.
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
            WeightAveraging.Update(averages, parameters, WeightAveraging.Rate(decay, steps));
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
