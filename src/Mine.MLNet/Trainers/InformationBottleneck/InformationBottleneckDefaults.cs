namespace Mine.MLNet.Trainers.InformationBottleneck
{
    /// <summary>
    /// The defaults that both <see cref="InformationBottleneckOptions"/> and the catalog's plain overload use (ML.NET keeps
    /// such values in one Defaults class, so the two cannot drift apart).
    /// </summary>
    internal static class InformationBottleneckDefaults
    {
        public const string LabelColumnName = "Label";

        public const string FeatureColumnName = "Features";

        public const double Beta = 1e-3;

        public const BottleneckEncoder Encoder = BottleneckEncoder.Additive;
    }
}
