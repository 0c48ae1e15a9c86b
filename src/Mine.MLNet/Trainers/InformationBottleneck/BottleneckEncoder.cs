namespace Mine.MLNet
{
    /// <summary>
    /// How the stochastic encoding Z of the input X is formed (paper section 5.3). enc is an MLP, eps is standard
    /// normal noise drawn afresh for every row and every training step.
    /// </summary>
    public enum BottleneckEncoder
    {
        /// <summary>
        /// z = mu(x) + sigma(x) * eps, with mu and sigma two heads of the encoder MLP and
        /// sigma = softplus(pre-activation - 5), as in Alemi et al. (2016).
        /// </summary>
        Gaussian,

        /// <summary>
        /// z = enc(x + sigma * eps): noise added to the (standardised) input, sigma =
        /// <see cref="InformationBottleneckOptions.NoiseStandardDeviation"/>. The best encoder in the paper's Table 3.
        /// </summary>
        Additive,

        /// <summary>
        /// z = enc([x, sigma * eps]): the noise is an extra input, as wide as the input, that the encoder learns to
        /// propagate; sigma = <see cref="InformationBottleneckOptions.NoiseStandardDeviation"/>, in units of the
        /// standardised input.
        /// </summary>
        Propagated,
    }
}
