using System;
using System.Diagnostics;
using System.Threading;
using TorchSharp;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// libtorch's intra-op thread count for one training worker: a thread that runs TorchSharp operations for an estimate,
    /// a selection or a classifier fit. libtorch's OpenMP workers meet at a barrier after every operation and spin while
    /// they wait, so when another process holds a core, every one of our many small operations waits for a descheduled
    /// worker: measured on 2 cores beside one busy process, a selection ran 2 to 3 times slower with two threads than
    /// with one. With <see cref="Automatic"/> threads a worker therefore uses the cores that other processes left idle
    /// (<see cref="OtherProcessesLoad"/>, re-read about every half second), shared among this process's workers, and one
    /// thread until the first reading.
    /// </summary>
    /// <remarks>
    /// libtorch keeps the count per thread (OpenMP's nthreads-var) and as the default for threads that start using it
    /// later; a lease sets both on its own thread and puts back what it found when disposed. Results do not depend on the
    /// count (the same seed gives bit-identical numbers with one thread and with two: tested).
    /// Every thread that runs parallel work keeps its own OpenMP pool for as long as it lives, and libgomp's workers
    /// spin between operations only while all pools together fit the cores; beyond that they sleep and every operation
    /// pays a wake-up. Measured on 2 cores, quiet, 1,500 steps: two threads on a second .NET thread, while the main
    /// thread kept its pool from an earlier call, took 2.4 to 3.3 s against 1.0 s with one thread (and 0.84 s with two
    /// on the main thread). So automatic leases give more than one thread to one thread per process at a time: the
    /// first that asks, for as long as it lives; every other gets one.
    /// </remarks>
    internal sealed class TorchThreadLease : IDisposable
    {
        /// <summary>A worker without a fixed count follows the load.</summary>
        public const int Automatic = 0;

        private const long FirstReadingMilliseconds = 100;
        private const long ReadingMilliseconds = 500;

        private static readonly object Gate = new object();
        private static readonly Stopwatch Clock = Stopwatch.StartNew();
        private static OtherProcessesLoad load;
        private static bool loadStarted;
        private static double? othersBusy;
        private static long nextReading;
        private static int workers;
        private static Thread poolOwner;

        private readonly int fixedThreads;
        private readonly int previous;
        private long nextCheck;
        private bool disposed;

        private TorchThreadLease(int fixedThreads)
        {
            this.fixedThreads = fixedThreads;
            previous = torch.get_num_threads();
        }

        /// <summary>The intra-op threads this worker uses now.</summary>
        public int Threads { get; private set; }

        /// <summary>
        /// Takes a lease for the calling thread: <paramref name="threads"/> intra-op threads, or <see cref="Automatic"/>.
        /// Call <see cref="Refresh"/> and <see cref="Dispose"/> on the same thread.
        /// </summary>
        public static TorchThreadLease Acquire(int threads)
        {
            var lease = new TorchThreadLease(threads);
            lock (Gate)
            {
                workers++;
                if (!loadStarted)
                {
                    loadStarted = true;
                    load = OtherProcessesLoad.Start();
                    nextReading = Clock.ElapsedMilliseconds + FirstReadingMilliseconds;
                }
            }
            lease.Apply(lease.Wanted());
            return lease;
        }

        /// <summary>Follows the load: cheap enough to call before every training step (it looks at the clock only).</summary>
        public void Refresh()
        {
            if (fixedThreads != Automatic)
                return;
            long now = Clock.ElapsedMilliseconds;
            if (now < nextCheck)
                return;
            nextCheck = now + ReadingMilliseconds / 5;
            Apply(Wanted());
        }

        /// <summary>Puts back the thread count this thread had.</summary>
        public void Dispose()
        {
            if (disposed)
                return;
            disposed = true;
            lock (Gate)
                workers--;
            if (Threads != previous)
                torch.set_num_threads(previous);
        }

        private int Wanted()
        {
            if (fixedThreads != Automatic)
                return fixedThreads;
            lock (Gate)
            {
                // One thread per process at a time may keep an OpenMP pool (see the class remarks).
                if (poolOwner != null && poolOwner.IsAlive && poolOwner != Thread.CurrentThread)
                    return 1;
                long now = Clock.ElapsedMilliseconds;
                if (load != null && now >= nextReading)
                {
                    othersBusy = load.BusyCores() ?? othersBusy;
                    nextReading = now + ReadingMilliseconds;
                }
                int share = Math.Max(1, workers);
                if (load == null)
                    return Math.Max(1, Environment.ProcessorCount / share);
                if (othersBusy is not double busy)
                    return 1;
                int idle = Math.Max(1, (int)Math.Round(load.Cores - busy));
                int wanted = Math.Max(1, idle / share);
                if (wanted > 1)
                    poolOwner = Thread.CurrentThread;
                return wanted;
            }
        }

        private void Apply(int threads)
        {
            if (threads == Threads)
                return;
            torch.set_num_threads(threads);
            Threads = threads;
        }
    }
}
