using System.Globalization;
using System.Linq;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// The Program.cs of the consumer apps that the loading and packaging tests build outside the repository: an
    /// estimate on 3,000 rows of a dependent pair, printed as "nats=...", and every "Mine.MLNet:" log line.
    /// </summary>
    public static class ConsumerProgram
    {
        /// <summary>The source of Program.cs.</summary>
        public const string Source = """
            using System;
            using System.Linq;
            using Microsoft.ML;
            using Mine.MLNet;

            var context = new MLContext(seed: 0);
            context.Log += (_, e) => { if (e.RawMessage.StartsWith("Mine.MLNet:")) Console.WriteLine(e.RawMessage); };
            var random = new Random(0);
            var rows = Enumerable.Range(0, 3000).Select(_ =>
            {
                double a = random.NextDouble() * 2 - 1;
                return new Row { A = (float)a, B = (float)(a + 0.5 * (random.NextDouble() * 2 - 1)) };
            }).ToList();
            MutualInformationEstimate estimate = context.Data.EstimateMutualInformation(
                context.Data.LoadFromEnumerable(rows), new[] { "A" }, new[] { "B" }, new MineOptions { Seed = 0, MaxSteps = 300 });
            Console.WriteLine($"nats={estimate.Nats:F4}");

            public sealed class Row
            {
                public float A { get; set; }
                public float B { get; set; }
            }
            """;

        /// <summary>The estimate a run printed.</summary>
        public static double Nats(string output)
            => double.Parse(output.Split('\n').Single(l => l.StartsWith("nats=")).Substring(5), CultureInfo.InvariantCulture);
    }
}
