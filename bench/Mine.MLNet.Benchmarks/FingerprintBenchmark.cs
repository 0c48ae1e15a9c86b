using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// Fingerprints of what fixed seeds give: every bound's estimate (one split, cross-fitted, a discrete Z, without
    /// Gaussianisation), every selection strategy's ranking and every encoder's classifier, each number written in
    /// round-trip form and hashed. A change that is meant to preserve behaviour (a refactoring) must leave every line
    /// the same; compare the output of two builds.
    /// </summary>
    public static class FingerprintBenchmark
    {
        /// <summary>Runs every case and returns its lines: a name, a SHA-256 prefix of the numbers, and the first numbers.</summary>
        public static List<string> Run(Action<string> log)
        {
            var lines = new List<string>();
            void Add(string name, IEnumerable<double> numbers, string extra = "")
            {
                string text = string.Join(" ", numbers.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + extra;
                string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
                string line = $"{name}: {hash}  {(text.Length > 80 ? text[..80] + "..." : text)}";
                lines.Add(line);
                log(line);
            }

            foreach (MineBound bound in Enum.GetValues<MineBound>())
            {
                foreach (int folds in new[] { 1, 5 })
                {
                    var context = new MLContext(seed: 0);
                    IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 3000, 2, 0.6, 1));
                    MutualInformationEstimate e = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" },
                        new MineOptions { Bound = bound, Seed = 3, MaxSteps = 500, CrossFittingFolds = folds });
                    Add($"estimate {bound}, {folds} fold(s)", Numbers(e));
                }
            }
            {
                var context = new MLContext(seed: 0);
                IDataView data = context.Data.Cache(CorrelatedGaussians.Load(context, 3000, 3, 0.5, 2));
                MutualInformationEstimate e = context.Data.EstimateMutualInformation(data, new[] { "X" }, new[] { "Z" },
                    new MineOptions { Seed = 3, MaxSteps = 500, GaussianizeMarginals = false });
                Add("estimate without Gaussianisation, cross-fitted", Numbers(e));
            }
            {
                var context = new MLContext(seed: 0);
                IDataView data = context.Data.Cache(context.Data.LoadFromEnumerable(GaussianMixture.Sample(4000, 5)));
                data = context.Transforms.Conversion.MapValueToKey("Key", nameof(GaussianMixture.Row.Class)).Fit(data).Transform(data);
                MutualInformationEstimate e = context.Data.EstimateMutualInformation(data, new[] { "X1", "X2" }, new[] { "Key" },
                    new MineOptions { Seed = 3, MaxSteps = 500 });
                Add("estimate with a discrete Z (key), cross-fitted", Numbers(e));
            }

            string folder = Directory.CreateTempSubdirectory("mine-fingerprint").FullName;
            try
            {
                string xor = Path.Combine(folder, "xor.csv"), redundant = Path.Combine(folder, "redundant.csv");
                XorData.WriteCsv(xor, 3000, 6, seed: 7);
                RedundantCopiesData.WriteCsv(redundant, 3000, 4, seed: 8);
                foreach (SelectionStrategy strategy in Enum.GetValues<SelectionStrategy>())
                {
                    var context = new MLContext(seed: 0);
                    bool interactions = strategy == SelectionStrategy.Joint;
                    IDataView data = interactions ? XorData.Load(context, xor, 6) : RedundantCopiesData.Load(context, redundant, 4);
                    string[] inputs = interactions ? XorData.InputColumns(6) : RedundantCopiesData.InputColumns(4);
                    var model = context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
                    {
                        LabelColumnName = "Y",
                        InputColumnNames = inputs,
                        FeaturesToKeep = 2,
                        Strategy = strategy,
                        Mine = new MineOptions { Seed = 4, MaxSteps = 800 },
                    }).Fit(data);
                    Add($"selection {strategy}", model.Ranking.SelectMany(r => new[] { r.MutualInformation, r.StandardError }),
                        " " + string.Join(",", model.Ranking.Select(r => r.Name + (r.Selected ? "*" : ""))));
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (BottleneckEncoder encoder in Enum.GetValues<BottleneckEncoder>())
            {
                var context = new MLContext(seed: 0);
                IDataView train = GaussianClassesData.Load(context, GaussianClassesData.Rows(1200, seed: 3));
                IDataView test = GaussianClassesData.Load(context, GaussianClassesData.Rows(50, seed: 4));
                InformationBottleneckTransformer model = context.MulticlassClassification.Trainers.InformationBottleneck(new InformationBottleneckOptions
                {
                    Encoder = encoder,
                    EncoderHiddenLayerSizes = new[] { 32 },
                    BottleneckSize = 8,
                    StatisticsNetworkHiddenLayerSizes = new[] { 32 },
                    NumberOfEpochs = 4,
                    BatchSize = 50,
                    LearningRate = 3e-3,
                    Seed = 1,
                }).Fit(train);
                IEnumerable<double> scores = model.Transform(test).GetColumn<VBuffer<float>>("Score").SelectMany(v => v.DenseValues().Select(f => (double)f));
                Add($"classifier {encoder}", model.History.SelectMany(h => new[] { h.Loss, h.CrossEntropy, h.MutualInformation })
                    .Append(model.Model.MutualInformation).Append(model.Model.MutualInformationStandardError).Concat(scores));
            }
            return lines;
        }

        private static IEnumerable<double> Numbers(MutualInformationEstimate e)
            => new[] { e.Nats, e.StandardError, e.Steps }.Concat(e.ValidationCurve.Select(p => p.Nats)).Concat(e.TrainingCurve.Select(p => p.Nats));
    }
}
