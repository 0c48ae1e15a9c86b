using Mine.MLNet;
using Mine.MLNet.Trainers.InformationBottleneck;
using Mine.MLNet.Hosting;

namespace Microsoft.ML
{
    /// <summary>Mine.MLNet's multiclass trainers on <c>mlContext.MulticlassClassification.Trainers</c>.</summary>
    public static class MulticlassTrainersCatalogMineExtensions
    {
        /// <summary>
        /// An information-bottleneck classifier: a stochastic encoder and a softmax decoder trained on
        /// cross-entropy + <paramref name="beta"/> * I(X;Z), with I(X;Z) estimated by MINE (paper section 5.3).
        /// </summary>
        /// <param name="catalog">The multiclass trainers catalog.</param>
        /// <param name="labelColumnName">The label: a key column (use MapValueToKey).</param>
        /// <param name="featureColumnName">The features: a known-size vector of Single.</param>
        /// <param name="beta">Weight of the I(X;Z) regulariser; 0 trains the plain classifier.</param>
        /// <param name="encoder">How the noisy encoding Z is formed.</param>
        public static InformationBottleneckTrainer InformationBottleneck(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            string labelColumnName = InformationBottleneckDefaults.LabelColumnName, string featureColumnName = InformationBottleneckDefaults.FeatureColumnName,
            double beta = InformationBottleneckDefaults.Beta, BottleneckEncoder encoder = InformationBottleneckDefaults.Encoder)
            => InformationBottleneck(catalog, new InformationBottleneckOptions
            {
                LabelColumnName = labelColumnName,
                FeatureColumnName = featureColumnName,
                Beta = beta,
                Encoder = encoder,
            });

        /// <summary>An information-bottleneck classifier with every setting in <paramref name="options"/>.</summary>
        /// <param name="catalog">The multiclass trainers catalog.</param>
        /// <param name="options">The trainer's options.</param>
        public static InformationBottleneckTrainer InformationBottleneck(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            InformationBottleneckOptions options)
            => new InformationBottleneckTrainer(CatalogEnvironment.Get(catalog), options);
    }
}
