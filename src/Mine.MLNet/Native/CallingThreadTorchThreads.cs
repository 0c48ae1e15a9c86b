using System;
using TorchSharp;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// libtorch's intra-op threads on the thread that called an estimate, a selection or a classifier fit, for as long as
    /// the call runs: one. The training workers take their own leases (<see cref="TorchThreadLease"/>); this covers the
    /// libtorch work of the call outside them (preparing columns, evaluating between fits), which otherwise ran with
    /// libtorch's default of one thread per core, whose OpenMP workers spin between operations. Measured on 2 cores beside
    /// two busy processes, the README's rank command: 7.5 to 11.2 s and 5.3 to 9.7 s of CPU before, 6.3 to 7.8 s and 4.1 to
    /// 4.5 s of CPU with one thread outside the leases (quiet, about 3 s either way). Puts back what it found when disposed.
    /// </summary>
    internal sealed class CallingThreadTorchThreads : IDisposable
    {
        private readonly int previous;
        private bool disposed;

        private CallingThreadTorchThreads()
        {
            previous = torch.get_num_threads();
            if (previous != 1)
                torch.set_num_threads(1);
        }

        /// <summary>One libtorch thread on the calling thread until disposed (on the same thread).</summary>
        public static CallingThreadTorchThreads One() => new();

        /// <summary>Puts back the count the thread had.</summary>
        public void Dispose()
        {
            if (disposed)
                return;
            disposed = true;
            if (previous != 1)
                torch.set_num_threads(previous);
        }
    }
}
