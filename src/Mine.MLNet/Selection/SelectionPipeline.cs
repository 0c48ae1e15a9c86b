using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Mine.MLNet.Data;
using Mine.MLNet.Hosting;

namespace Mine.MLNet.Selection
{
    /// <summary>
    /// The built-in ML.NET estimators the selector is made of, so that the fitted model saves and loads without
    /// this assembly (CONVENTIONS section 2). Inputs that are not Single are converted in place (their names then
    /// become the slot names) and restored afterwards, all inputs are concatenated into a temporary column, and
    /// a count-based slot selector fitted on a one-row mask keeps exactly the chosen slots.
    /// </summary>
    internal sealed class SelectionPipeline
    {
        private const string TemporaryPrefix = "__MutualInformationSelect_";

        private readonly MLContext context;
        private readonly string outputColumnName;
        private readonly string[] inputColumnNames;
        private readonly string[] converted;
        private readonly Dictionary<string, string> backups;

        public SelectionPipeline(IHostEnvironment env, string outputColumnName, string[] inputColumnNames, IReadOnlyDictionary<string, ColumnShape> schema)
        {
            // Built-in estimators come from catalogs, whose constructors are internal: use the caller's MLContext.
            context = CatalogEnvironment.Context(env);
            this.outputColumnName = outputColumnName;
            this.inputColumnNames = inputColumnNames;
            converted = inputColumnNames.Where(name => schema[name].ItemType != NumberDataViewType.Single).ToArray();
            var taken = new HashSet<string>(schema.Keys, StringComparer.Ordinal) { outputColumnName };
            backups = converted.ToDictionary(name => name, name => Unused(taken, name));
            ConcatenatedColumnName = Unused(taken, "Slots");
        }

        /// <summary>The temporary column holding every input slot as Single, in input order.</summary>
        public string ConcatenatedColumnName { get; }

        /// <summary>Conversion and concatenation into <see cref="ConcatenatedColumnName"/>, inputs left as they were.</summary>
        public EstimatorChain<ITransformer> Preparation()
        {
            var chain = new EstimatorChain<ITransformer>();
            foreach (string name in converted)
            {
                chain = chain.Append<ITransformer>(context.Transforms.CopyColumns(backups[name], name))
                    .Append<ITransformer>(context.Transforms.Conversion.ConvertType(name, name, DataKind.Single));
            }
            chain = chain.Append<ITransformer>(context.Transforms.Concatenate(ConcatenatedColumnName, inputColumnNames));
            foreach (string name in converted)
                chain = chain.Append<ITransformer>(context.Transforms.CopyColumns(name, backups[name]));
            if (converted.Length > 0)
                chain = chain.Append<ITransformer>(context.Transforms.DropColumns(backups.Values.ToArray()));
            return chain;
        }

        /// <summary>The whole selector as built-in estimators; its output schema is the selector's.</summary>
        public EstimatorChain<ITransformer> Shape()
            => Preparation()
                .Append<ITransformer>(context.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(outputColumnName, ConcatenatedColumnName, count: 1))
                .Append<ITransformer>(context.Transforms.DropColumns(ConcatenatedColumnName));

        /// <summary>
        /// The fitted selector: <paramref name="prepared"/> followed by a slot selector keeping exactly
        /// <paramref name="keptSlots"/> of the <paramref name="slotCount"/> concatenated slots.
        /// </summary>
        public TransformerChain<ITransformer> Complete(TransformerChain<ITransformer> prepared, int slotCount, IEnumerable<int> keptSlots)
        {
            var mask = new float[slotCount];
            foreach (int slot in keptSlots)
                mask[slot] = 1f;
            var definition = SchemaDefinition.Create(typeof(MaskRow));
            definition[0].ColumnName = ConcatenatedColumnName;
            definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slotCount);
            IDataView maskView = context.Data.LoadFromEnumerable(new[] { new MaskRow { Values = mask } }, definition);

            // Count-based selection with count 1 on a single row keeps exactly the slots that are non-zero there.
            ITransformer select = context.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(outputColumnName, ConcatenatedColumnName, count: 1).Fit(maskView);
            ITransformer drop = context.Transforms.DropColumns(ConcatenatedColumnName).Fit(select.Transform(maskView));
            return prepared.Append(select).Append(drop);
        }

        private static string Unused(HashSet<string> taken, string name)
        {
            string candidate = TemporaryPrefix + name;
            for (int i = 2; !taken.Add(candidate); i++)
                candidate = $"{TemporaryPrefix}{name}_{i}";
            return candidate;
        }

        /// <summary>The one-row view's row type.</summary>
        private sealed class MaskRow
        {
            public float[] Values;
        }
    }
}
