using System;
using System.Threading;
using Mine.MLNet.Trainers.InformationBottleneck;

namespace Mine.MLNet
{
    /// <summary>
    /// Options of the information-bottleneck multiclass trainer: cross-entropy + <see cref="Beta"/> * I(X;Z), with
    /// I(X;Z) between the input X and its stochastic encoding Z estimated by MINE (paper section 5.3, eq. 20).
    /// The defaults follow the paper's permutation-invariant MNIST set-up (Alemi et al. 2016) where it names one.
    /// </summary>
    public sealed class InformationBottleneckOptions
    {
        /// <summary>The label column: a key type (use MapValueToKey). Default "Label".</summary>
        public string LabelColumnName { get; set; } = InformationBottleneckDefaults.LabelColumnName;

        /// <summary>The feature column: a known-size vector of Single. Default "Features".</summary>
        public string FeatureColumnName { get; set; } = InformationBottleneckDefaults.FeatureColumnName;

        /// <summary>
        /// Weight beta of the I(X;Z) regulariser (eq. 20); 0 trains the plain classifier. Default 1e-3. Each batch, a
        /// statistics network T steps up the Donsker-Varadhan bound (eq. 10) with section 3.2's moving-average
        /// gradient, and the encoder steps down beta times the same bound, in one backward pass. The encoder's penalty
        /// is floored at zero (beta * max(bound, 0), judged by the previous batch): a negative bound only says T lags.
        /// </summary>
        public double Beta { get; set; } = InformationBottleneckDefaults.Beta;

        /// <summary>How Z is formed from X. Default <see cref="BottleneckEncoder.Additive"/>.</summary>
        public BottleneckEncoder Encoder { get; set; } = InformationBottleneckDefaults.Encoder;

        /// <summary>Hidden layers of the encoder MLP (ReLU). Default [1024, 1024], as in the paper.</summary>
        public int[] EncoderHiddenLayerSizes { get; set; } = { 1024, 1024 };

        /// <summary>Dimensions of the encoding Z. Default 256, as in the paper. A linear softmax layer decodes Z into class probabilities.</summary>
        public int BottleneckSize { get; set; } = 256;

        /// <summary>
        /// Standard deviation sigma of the noise of the <see cref="BottleneckEncoder.Additive"/> and
        /// <see cref="BottleneckEncoder.Propagated"/> encoders, in units of the standardised input. Default 1.0: on MNIST
        /// in one hour, 1.31 % test error over three seeds (1.27 % in an earlier round) against 1.51 % at 0.5 (docs/mnist.md). On the 4-feature table of
        /// the InformationBottleneck sample the additive encoder kept its accuracy (0.910 against 0.909) but its log-loss
        /// rose from 0.26 to 0.41 (less confident probabilities); where calibrated probabilities on few features matter, try 0.5.
        /// (The <see cref="BottleneckEncoder.Gaussian"/> encoder learns its own sigma(x).)
        /// </summary>
        public double NoiseStandardDeviation { get; set; } = 1.0;

        /// <summary>Hidden layers of the MINE statistics network T(x, z) (ReLU). Default [512, 512].</summary>
        public int[] StatisticsNetworkHiddenLayerSizes { get; set; } = { 512, 512 };

        /// <summary>
        /// Rate alpha of the moving average of E[e^T] in MINE's bias-corrected gradient (paper section 3.2); one batch may
        /// at most double the average. Default 0.01.
        /// </summary>
        public double MovingAverageRate { get; set; } = 0.01;

        /// <summary>Passes over the training rows. Default 10.</summary>
        public int NumberOfEpochs { get; set; } = 10;

        /// <summary>Rows per gradient step. Default 100, as in the paper's set-up.</summary>
        public int BatchSize { get; set; } = 100;

        /// <summary>Adam learning rate for the encoder, the decoder and the statistics network. Default 1e-3.</summary>
        public double LearningRate { get; set; } = 1e-3;

        /// <summary>
        /// Factor applied to the learning rate every <see cref="LearningRateDecayEpochs"/> epochs: epoch e trains at
        /// LearningRate * LearningRateDecay^floor((e - 1) / LearningRateDecayEpochs). Default 0.97 every 2 epochs, as
        /// Alemi et al. (2016), whose MNIST set-up the paper follows (the rate halves in about 46 epochs); 1 keeps it constant. In (0, 1].
        /// </summary>
        public double LearningRateDecay { get; set; } = 0.97;

        /// <summary>Epochs between two applications of <see cref="LearningRateDecay"/>. Default 2.</summary>
        public int LearningRateDecayEpochs { get; set; } = 2;

        /// <summary>
        /// Decay of an exponential moving average of the encoder's and decoder's weights (Polyak averaging), which the
        /// fitted model predicts with and which the per-epoch validation accuracy and the final I(X;Z) estimate measure.
        /// After step t the average keeps min(decay, (1 + t) / (10 + t)) of itself, so a short run averages its recent
        /// steps, not its initial weights. Alemi et al. (2016) use 0.999. The statistics network trained against the moving
        /// weights, so before the final estimate it trains alone for one pass over the training rows (100 to 1,000 steps) on
        /// the averaged encoder's codes; the log warns when the held-out estimate and the same bound on training rows then
        /// differ by more than 3 standard errors. Default 0.999; 0 keeps the last weights (and skips the refresh). In [0, 1).
        /// </summary>
        public double ParameterAveragingDecay { get; set; } = 0.999;

        /// <summary>
        /// Wall-clock budget for training: no new epoch starts once this much time has passed since the first one
        /// began, so training ends at the first epoch that finishes past it (or after <see cref="NumberOfEpochs"/>,
        /// whichever comes first; <see cref="InformationBottleneckTransformer.History"/> says how many ran). When the
        /// limit cuts training short, the number of epochs depends on the machine's speed and load, so a seeded run
        /// repeats exactly only when it does not. Default null (no limit).
        /// </summary>
        public TimeSpan? TrainingTimeLimit { get; set; }

        /// <summary>
        /// Noise samples averaged at prediction time: the predicted class probabilities are the mean of the softmax
        /// over this many fixed noise draws (fixed when training ends, so predictions are deterministic). 1, the
        /// default, uses the deterministic mean encoding (eps = 0).
        /// </summary>
        public int EvaluationSamples { get; set; } = 1;

        /// <summary>Fraction of rows held out to report validation accuracy and I(X;Z) after each epoch. Default 0.1; 0 trains on every row.</summary>
        public double ValidationFraction { get; set; } = 0.1;

        /// <summary>Seed of the initial weights, the batches and the noise; null draws it from the MLContext's random source.</summary>
        public int? Seed { get; set; }

        /// <summary>Receives each <see cref="InformationBottleneckEpoch"/> as the epoch ends, on the training thread. Default null.</summary>
        public IProgress<InformationBottleneckEpoch> Progress { get; set; }

        /// <summary>
        /// Where the encoder and the statistics network train. Default <see cref="MineDevice.Context"/>: the CPU unless
        /// <c>MLContext.GpuDeviceId</c> is set. Mine.MLNet ships with TorchSharp-cpu, so CUDA is an error (or, through
        /// the MLContext with FallbackToCpu, a warning and the CPU).
        /// </summary>
        public MineDevice Device { get; set; } = MineDevice.Context;

        /// <summary>
        /// The most CPU threads training uses. Default null: automatic, the cores that other processes leave idle (on Linux
        /// read from /proc about every half second, one thread until the first reading; elsewhere every core), shared among
        /// this process's running fits. The classifier's large layers gain from several threads (784 features, 2 epochs:
        /// 1.2 s with two against 1.7 s with one), and beside a busy process automatic drops to one where a fixed two ran
        /// 2 to 3 times slower. In tests (10 and 784 features) the numbers did not depend on the count; a number fixes it.
        /// </summary>
        public int? NumberOfThreads { get; set; }

        /// <summary>Cancels training; Fit then throws OperationCanceledException within one batch.</summary>
        public CancellationToken CancellationToken { get; set; }
    
        /// <summary>A copy that cancels on <paramref name="token"/> instead.</summary>
        internal InformationBottleneckOptions WithCancellation(CancellationToken token)
        {
            var copy = (InformationBottleneckOptions)MemberwiseClone();
            copy.CancellationToken = token;
            return copy;
        }
    }
}
