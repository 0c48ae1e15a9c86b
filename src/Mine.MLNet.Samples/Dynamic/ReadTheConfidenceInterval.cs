using System;
using System.Collections.Generic;
using Microsoft.ML;

namespace Mine.MLNet.Samples.Dynamic
{
    /// <summary>
    /// Sample: reading <see cref="MutualInformationEstimate.ConfidenceLower"/>, the 95% lower confidence bound: is there
    /// any dependence at all?
    /// </summary>
    public static class ReadTheConfidenceInterval
    {
        /// <summary>Runs the sample.</summary>
        public static void Example()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromEnumerable(GenerateData(8000));
            var options = new MineOptions { Seed = 0, MaxSteps = 3000 };

            // Sensor is independent of Temperature; Load depends on it weakly (through a square).
            foreach (string column in new[] { "Sensor", "Load" })
            {
                MutualInformationEstimate estimate = mlContext.Data.EstimateMutualInformation(data, new[] { "Temperature" }, new[] { column }, options);
                // I(X;Z) >= ConfidenceLower with 95% confidence (estimate - 1.645 SE, floored at 0). A lower bound of 0
                // means no detectable dependence at this sample size; above 0, the columns are dependent (5% test).
                string verdict = estimate.ConfidenceLower > 0 ? "dependent" : "no detectable dependence";
                Console.WriteLine($"I(Temperature; {column,-6}) = {estimate.Nats:F3} nats, at least {estimate.ConfidenceLower:F3} with 95% confidence: {verdict}");
            }

            // Expected output (seed 0, x64 CPU):
            //   I(Temperature; Sensor) = 0.001 nats, at least 0.000 with 95% confidence: no detectable dependence
            //   I(Temperature; Load  ) = 0.161 nats, at least 0.136 with 95% confidence: dependent
        }

        private static IEnumerable<Reading> GenerateData(int count)
        {
            var random = new Random(2);
            double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            for (int i = 0; i < count; i++)
            {
                double temperature = Gaussian();
                yield return new Reading
                {
                    Temperature = (float)temperature,
                    Sensor = (float)Gaussian(),
                    Load = (float)(0.5 * temperature * temperature + Gaussian()),
                };
            }
        }

        private sealed class Reading
        {
            public float Temperature { get; set; }

            public float Sensor { get; set; }

            public float Load { get; set; }
        }
    }
}
