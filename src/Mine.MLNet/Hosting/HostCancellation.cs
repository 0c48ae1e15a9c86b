using System;
using System.Threading;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Hosting
{
    /// <summary>
    /// One cancellation token for a training run: the options' token, or the ML.NET host being cancelled (what
    /// ML.NET's own trainers observe through the internal CheckAlive; AutoML-style hosts cancel that way). The
    /// host flag is internal to ML.NET, so it is read through <see cref="CatalogEnvironment.Setting{T}"/> and polled.
    /// </summary>
    internal sealed class HostCancellation : IDisposable
    {
        private const int PollMilliseconds = 50;
        private readonly CancellationTokenSource source;
        private readonly Timer timer;

        public HostCancellation(IHostEnvironment host, CancellationToken token)
        {
            source = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (IsCanceled(host))
                source.Cancel();
            else
                timer = new Timer(_ => Poll(host), null, PollMilliseconds, PollMilliseconds);
        }

        /// <summary>Cancelled when either the options' token or the host is.</summary>
        public CancellationToken Token => source.Token;

        private static bool IsCanceled(IHostEnvironment host) => CatalogEnvironment.Setting<bool?>(host, "IsCanceled") == true;

        private void Poll(IHostEnvironment host)
        {
            try
            {
                if (IsCanceled(host))
                    source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended between two polls.
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            timer?.Dispose();
            source.Dispose();
        }
    }
}
