namespace Mine.MLNet
{
    /// <summary>The variational lower bound on I(X;Z) that the statistics network maximises.</summary>
    public enum MineBound
    {
        /// <summary>
        /// Donsker-Varadhan (MINE, paper eq. 10) trained with the moving-average bias-corrected gradient
        /// of section 3.2. The estimator of the paper; slower to converge than <see cref="Smile"/>.
        /// </summary>
        DonskerVaradhan,

        /// <summary>Nguyen-Wainwright-Jordan f-divergence bound (MINE-f, paper eq. 8). Unbiased minibatch gradients, looser.</summary>
        Nwj,

        /// <summary>InfoNCE (van den Oord et al. 2018): low variance, but never above ln(batch size).</summary>
        InfoNce,

        /// <summary>
        /// SMILE (Song and Ermon 2020): T trained with the Jensen-Shannon bound, reported as Donsker-Varadhan
        /// with the marginal term's T clipped to [-tau, tau] (<see cref="MineOptions.SmileClip"/>), trading a
        /// little bias for much lower variance. The default.
        /// </summary>
        Smile,
    }
}
