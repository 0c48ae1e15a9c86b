namespace Mine.MLNet
{
    /// <summary>
    /// The variational objective that the statistics network maximises and whose held-out value is reported.
    /// DonskerVaradhan, Nwj and InfoNce are lower bounds on I(X;Z) for any network T; Smile is not a bound.
    /// </summary>
    public enum MineBound
    {
        /// <summary>
        /// Donsker-Varadhan (MINE, paper eq. 10) trained with the moving-average bias-corrected gradient
        /// of section 3.2. The estimator of the paper and the automatic choice below ln(batch size) / 2 nats: a lower bound for any T (its held-out value
        /// carries only the small upward bias of a log of a sample mean).
        /// </summary>
        DonskerVaradhan,

        /// <summary>Nguyen-Wainwright-Jordan f-divergence bound (MINE-f, paper eq. 8). Unbiased minibatch gradients, looser.</summary>
        Nwj,

        /// <summary>InfoNCE (van den Oord et al. 2018): low variance, but never above ln(batch size).</summary>
        InfoNce,

        /// <summary>
        /// SMILE (Song and Ermon 2020): T trained with the Jensen-Shannon bound, reported as Donsker-Varadhan
        /// with the marginal term's T clipped to [-tau, tau] (<see cref="MineOptions.SmileClip"/>), trading bias for
        /// much lower variance. With a finite clip it is neither a lower bound nor guaranteed to err low (Song and Ermon
        /// write "lower bound" in quotes); it suits high mutual information in many dimensions best.
        /// </summary>
        Smile,
    }
}
