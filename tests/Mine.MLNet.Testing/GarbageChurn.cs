using System;
using System.Threading;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// A background thread that allocates small arrays in a loop, as any real host does (a notebook kernel, a web
    /// server, a UI, a pipeline with parallel cursors), so garbage collections, and the finalizers they trigger, run
    /// while Mine.MLNet is inside native TorchSharp calls. Dispose stops it.
    /// </summary>
    public sealed class GarbageChurn : IDisposable
    {
        private readonly Thread thread;
        private readonly int collectionsAtStart;
        private volatile bool stopping;

        /// <summary>Starts the allocating thread.</summary>
        public GarbageChurn()
        {
            collectionsAtStart = GC.CollectionCount(0);
            thread = new Thread(Allocate) { IsBackground = true, Name = "Mine.MLNet garbage churn" };
            thread.Start();
        }

        /// <summary>Gen-0 collections since the churn started (all threads' allocations count).</summary>
        public int Collections => GC.CollectionCount(0) - collectionsAtStart;

        /// <summary>Stops the thread and waits for it.</summary>
        public void Dispose()
        {
            stopping = true;
            thread.Join();
        }

        private void Allocate()
        {
            // A ring of live arrays, so some survive a collection and the GC has real work, like a host's caches.
            var ring = new object[4096];
            long i = 0;
            while (!stopping)
            {
                ring[i % ring.Length] = new byte[16 + (int)(i % 240)];
                i++;
            }
            GC.KeepAlive(ring);
        }
    }
}
