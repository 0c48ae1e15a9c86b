using System;
using System.Threading;
using Microsoft.ML.Runtime;
using Mine.MLNet.Native;
using TorchSharp;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// The start of every fit (an estimate, a selection, a classifier): the seed (the options' or one drawn from the
    /// MLContext's random source, first, so that <c>new MLContext(seed: n)</c> decides it), TorchSharp's native library
    /// made loadable, a channel for the log, one cancellation token for the options' token and the host's own
    /// cancellation, the torch device, and one libtorch thread on the calling thread outside the training workers
    /// (<see cref="CallingThreadTorchThreads"/>).
    /// </summary>
    internal sealed class FitSession : IDisposable
    {
        private readonly IHost host;
        private readonly HostCancellation cancellation;
        private readonly CallingThreadTorchThreads callingThreadThreads;

        private FitSession(IHost host, int seed, string channelName, CancellationToken token)
        {
            this.host = host;
            Seed = seed;
            Channel = host.Start(channelName);
            cancellation = new HostCancellation(host, token);
            callingThreadThreads = CallingThreadTorchThreads.One();
        }

        /// <summary>The fit's seed.</summary>
        public int Seed { get; }

        /// <summary>The fit's log and progress channel.</summary>
        public IChannel Channel { get; }

        /// <summary>Cancelled when the options' token or the host is.</summary>
        public CancellationToken Cancellation => cancellation.Token;

        /// <summary>Starts a fit on <paramref name="host"/>, logging to a channel named <paramref name="channelName"/>.</summary>
        /// <param name="host">The component's host.</param>
        /// <param name="channelName">The channel's name, e.g. "EstimateMutualInformation".</param>
        /// <param name="seed">The options' seed, or null to draw one from the host's random source.</param>
        /// <param name="token">The options' cancellation token.</param>
        public static FitSession Start(IHost host, string channelName, int? seed, CancellationToken token)
        {
            int fitSeed = seed ?? host.Rand.Next();
            // Before TorchSharp's first native call of the process (Debian 12's libstdc++; a no-op elsewhere).
            TorchSharpNativeLibrary.EnsureLoadable(host);
            return new FitSession(host, fitSeed, channelName, token);
        }

        /// <summary>The torch device for <paramref name="requested"/> (<see cref="TorchDevice"/>); <paramref name="optionName"/> names the option in errors.</summary>
        public torch.Device Device(MineDevice requested, string optionName) => TorchDevice.Resolve(host, Channel, requested, optionName);

        public void Dispose()
        {
            callingThreadThreads.Dispose();
            cancellation.Dispose();
            Channel.Dispose();
        }
    }
}
