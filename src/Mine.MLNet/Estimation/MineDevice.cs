namespace Mine.MLNet
{
    /// <summary>Where TorchSharp trains the networks of an estimate, a selection or an information-bottleneck fit.</summary>
    public enum MineDevice
    {
        /// <summary>
        /// Follow the MLContext: the CPU unless <c>MLContext.GpuDeviceId</c> is set; then that CUDA device, or, when
        /// CUDA is not available, the CPU with a warning if <c>MLContext.FallbackToCpu</c> is true and an error if not.
        /// </summary>
        Context = 0,

        /// <summary>The CPU, whatever the MLContext says.</summary>
        Cpu = 1,

        /// <summary>
        /// CUDA (device <c>MLContext.GpuDeviceId</c>, or 0): an error when TorchSharp has no CUDA backend, which is the
        /// case with the TorchSharp-cpu package that Mine.MLNet depends on.
        /// </summary>
        Cuda = 2,
    }
}
