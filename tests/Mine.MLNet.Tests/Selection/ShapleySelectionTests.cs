using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Selection
{
    /// <summary>
    /// The default strategy, forward selection by Shapley value from one amortised critic: it keeps two interacting pairs
    /// and a main effect, one copy of a redundant signal with the second signal (scored by what each adds to the other), and
    /// works on tables of a hundred-odd rows, where every strategy used to refuse fewer than 366.
    /// </summary>
    [TestClass]
    public sealed class ShapleySelectionTests
    {
        private static MutualInformationSelectingTransformer Select(MLContext context, IDataView data, string label, string[] inputs, int keep,
            SelectionStrategy strategy = SelectionStrategy.Shapley, int seed = 3)
            => context.Transforms.MutualInformationSelect(new MutualInformationSelectOptions
            {
                LabelColumnName = label,
                InputColumnNames = inputs,
                FeaturesToKeep = keep,
                Strategy = strategy,
                Mine = new MineOptions { Seed = seed, MaxSteps = 2000 },
            }).Fit(data);

        [TestMethod]
        public void ShapleyIsTheDefault()
            => Assert.AreEqual(SelectionStrategy.Shapley, new MutualInformationSelectOptions().Strategy);

        [TestMethod]
        public void KeepsTwoInteractingPairsAndTheMainEffect()
        {
            // y depends on sign(x1 x2) + sign(x3 x4) + x5: x1 to x4 carry nothing alone.
            var context = new MLContext(seed: 0);
            var (features, labels, names) = InteractionData.Draw(3000, 12, seed: 5);
            IDataView data = Table(context, features, labels, names);
            MutualInformationSelectingTransformer model = Select(context, data, "Label", new[] { "Features" }, 5);
            string ranking = string.Join("\n", model.Ranking);
            CollectionAssert.AreEquivalent(InteractionData.Relevant, model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray(), ranking);
            // What each kept column adds to the other four is clearly above 0; no noise column would add anything.
            foreach (FeatureRankingEntry kept in model.Ranking.Where(e => e.Selected))
            {
                Assert.IsGreaterThan(3 * kept.StandardError, kept.MutualInformation, ranking);
                Assert.HasCount(4, kept.Given, "given the other kept columns");
            }
            foreach (FeatureRankingEntry other in model.Ranking.Where(e => !e.Selected))
                Assert.IsLessThan(0.03, other.MutualInformation, ranking);
        }

        [TestMethod]
        [DataRow(SelectionStrategy.Shapley)]
        [DataRow(SelectionStrategy.Joint)]
        public void OnAWideTableTheScreeningKeepsTheInteractingPairs(SelectionStrategy strategy)
        {
            // 80 columns, keep 5: wider than twice the pool of 32, so the table is screened first. x1 to x4 carry nothing
            // alone, so only the screening's critic of every column can bring them into the pool.
            var context = new MLContext(seed: 0);
            var (features, labels, names) = InteractionData.Draw(3000, 80, seed: 5);
            MutualInformationSelectingTransformer model = Select(context, Table(context, features, labels, names), "Label", new[] { "Features" }, 5, strategy);
            string ranking = string.Join("\n", model.Ranking);
            CollectionAssert.AreEquivalent(InteractionData.Relevant, model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray(), ranking);
            Assert.HasCount(80, model.Ranking);
            // The 48 screened out report their own mutual information, given nothing.
            Assert.AreEqual(80 - 32, model.Ranking.Count(e => e.Given.Count == 0), ranking);
            Assert.IsTrue(model.Ranking.All(e => double.IsFinite(e.MutualInformation) && double.IsFinite(e.StandardError)), ranking);
        }

        [TestMethod]
        public void KeepsOneCopyOfARedundantSignalAndTheSecondSignal()
        {
            string path = Path.Combine(Path.GetTempPath(), $"mine-shapley-redundant-{Guid.NewGuid():N}.csv");
            try
            {
                RedundantCopiesData.WriteCsv(path, 4000, 6, seed: 12);
                var context = new MLContext(seed: 0);
                MutualInformationSelectingTransformer model = Select(context, RedundantCopiesData.Load(context, path, 6), "Y", RedundantCopiesData.InputColumns(6), 2);
                string ranking = string.Join("\n", model.Ranking);
                string[] kept = model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();
                Assert.AreEqual(1, kept.Count(RedundantCopiesData.Copies.Contains), ranking);
                CollectionAssert.Contains(kept, "B", ranking);
                // B's score is what it adds to the kept copy of a: I(b; y | a) = 0.287 nats (the critic's bound on 600
                // estimation rows: within 3 standard errors plus 0.08 nats for what one network for every subset misses).
                FeatureRankingEntry b = model.Ranking.Single(e => e.Name == "B");
                Assert.AreEqual(RedundantCopiesData.GainOfBGivenA, b.MutualInformation, 3 * b.StandardError + 0.08, ranking);
                // The other copies add (almost) nothing once one is kept (the same bar as Conditional's test).
                foreach (FeatureRankingEntry copy in model.Ranking.Where(e => !e.Selected && RedundantCopiesData.Copies.Contains(e.Name)))
                    Assert.IsLessThan(0.05, copy.MutualInformation, ranking);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        [DataRow(SelectionStrategy.Shapley)]
        [DataRow(SelectionStrategy.Ranking)]
        [DataRow(SelectionStrategy.Conditional)]
        [DataRow(SelectionStrategy.Joint)]
        public void EveryStrategyWorksOnATableOf100Rows(SelectionStrategy strategy)
        {
            // y = 1 when x1 + noise > 0 (I(x1; y) about 0.3 nats), among five noise columns.
            var random = new Random(9);
            string[] names = { "x1", "n1", "n2", "n3", "n4", "n5" };
            var features = new float[100][];
            var labels = new int[100];
            for (int i = 0; i < features.Length; i++)
            {
                features[i] = names.Select(_ => (float)CorrelatedGaussians.Normal(random)).ToArray();
                labels[i] = features[i][0] + 0.5 * CorrelatedGaussians.Normal(random) > 0 ? 1 : 0;
            }
            var context = new MLContext(seed: 0);
            MutualInformationSelectingTransformer model = Select(context, Table(context, features, labels, names), "Label", new[] { "Features" }, 1, strategy);
            string ranking = string.Join("\n", model.Ranking);
            CollectionAssert.AreEqual(new[] { "x1" }, model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray(), ranking);
            Assert.IsTrue(model.Ranking.All(e => double.IsFinite(e.MutualInformation) && double.IsFinite(e.StandardError)), ranking);
        }

        [TestMethod]
        public void OnTheBundledWineTableItKeepsTheColumnsEveryPeerRanksFirst()
        {
            // 178 rows, 13 chemical measurements, 3 cultivars. A random forest's importance, scikit-learn's KSG and mRMR all
            // rank proline, flavanoids and colour intensity among their top five (docs/selection-peers.md).
            string path = Path.Combine(AppContext.BaseDirectory, "Data", "wine.csv");
            var context = new MLContext(seed: 0);
            string[] columns = File.ReadLines(path).First().Split(',');
            var loader = context.Data.CreateTextLoader(new TextLoader.Options
            {
                HasHeader = true,
                Separators = new[] { ',' },
                Columns = columns.Select((name, i) => new TextLoader.Column(name, name == "cultivar" ? DataKind.String : DataKind.Single, i)).ToArray(),
            });
            IDataView raw = loader.Load(path);
            IDataView data = context.Transforms.Conversion.MapValueToKey("Label", "cultivar").Fit(raw).Transform(raw);
            string[] inputs = columns.Where(c => c != "cultivar").ToArray();
            MutualInformationSelectingTransformer model = Select(context, data, "Label", inputs, 5);
            string ranking = string.Join("\n", model.Ranking);
            string[] kept = model.Ranking.Where(e => e.Selected).Select(e => e.Name).ToArray();
            Assert.IsGreaterThanOrEqualTo(2, kept.Count(new[] { "proline", "flavanoids", "color_intensity" }.Contains), ranking);
            Assert.HasCount(13, model.Ranking);
        }

        /// <summary>A Features vector with slot names, and a key label (values 0 and 1).</summary>
        private static IDataView Table(MLContext context, float[][] features, int[] labels, string[] names)
        {
            var definition = SchemaDefinition.Create(typeof(Row));
            definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, names.Length);
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(names.Length, names.Select(n => n.AsMemory()).ToArray());
            definition[nameof(Row.Features)].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, names.Length));
            IDataView raw = context.Data.LoadFromEnumerable(features.Select((f, i) => new Row { Features = f, Class = labels[i] == 1 ? "one" : "zero" }).ToList(), definition);
            return context.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Class)).Fit(raw).Transform(raw);
        }

        private sealed class Row
        {
            public float[] Features { get; set; }

            public string Class { get; set; }
        }
    }
}
