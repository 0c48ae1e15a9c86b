using System;
using System.Reflection;
using System.Threading;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Core
{
    /// <summary>
    /// One cancellation token for a training run: the options' token, or the ML.NET host being cancelled (what
    /// ML.NET's own trainers observe through the internal CheckAlive; AutoML-style hosts cancel that way). The
    /// host flag lives on ML.NET's internal host base class, so it is read by reflection and polled.
    /// </summary>
    internal sealed class HostCancellation : IDisposable
    {
        private const int PollMilliseconds = 50;
        private readonly CancellationTokenSource source;
        private readonly Timer timer;

        public HostCancellation(IHostEnvironment host, CancellationToken token)
        {
            source = CancellationTokenSource.CreateLinkedTokenSource(token);
            PropertyInfo flag = host?.GetType().GetProperty("IsCanceled", BindingFlags.Instance | BindingFlags.Public);
            if (flag != null && flag.PropertyType == typeof(bool))
            {
                if ((bool)flag.GetValue(host))
                    source.Cancel();
                else
                    timer = new Timer(_ => Poll(host, flag), null, PollMilliseconds, PollMilliseconds);
            }
        }

        /// <summary>Cancelled when either the options' token or the host is.</summary>
        public CancellationToken Token => source.Token;

        private void Poll(IHostEnvironment host, PropertyInfo flag)
        {
            try
            {
                if ((bool)flag.GetValue(host))
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
