using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// Runs independent trainings (cross-fitting folds) on worker threads, the calling thread being one of them, each
    /// worker with its own <see cref="TorchThreadLease"/>. Independent trainings share no barrier, so a busy machine slows
    /// them by its fair share only; each owns its generators, so the results do not depend on how many workers run them.
    /// </summary>
    internal static class TrainingWorkers
    {
        /// <summary>
        /// <paramref name="work"/>(i, lease) for every i below <paramref name="count"/>, on at most
        /// <paramref name="numberOfThreads"/> threads (null: one per core), in index order per worker. The first failure
        /// stops the workers from starting new items and is rethrown, with its stack trace, once every worker has ended.
        /// </summary>
        public static T[] Run<T>(int count, int? numberOfThreads, Func<int, TorchThreadLease, T> work)
        {
            int budget = numberOfThreads ?? Environment.ProcessorCount;
            int workers = Math.Max(1, Math.Min(count, budget));
            // A fixed budget is shared among the workers; an automatic one follows the load (TorchThreadLease).
            int threadsPerWorker = numberOfThreads is int n ? Math.Max(1, n / workers) : TorchThreadLease.Automatic;
            var results = new T[count];
            int next = -1;
            ExceptionDispatchInfo failure = null;

            void Worker()
            {
                using TorchThreadLease lease = TorchThreadLease.Acquire(threadsPerWorker);
                int i;
                while (Volatile.Read(ref failure) == null && (i = Interlocked.Increment(ref next)) < count)
                {
                    try
                    {
                        results[i] = work(i, lease);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                    }
                }
            }

            var threads = new Thread[workers - 1];
            for (int t = 0; t < threads.Length; t++)
            {
                threads[t] = new Thread(Worker) { IsBackground = true, Name = $"Mine.MLNet worker {t + 1}" };
                threads[t].Start();
            }
            Worker();
            foreach (Thread thread in threads)
                thread.Join();
            failure?.Throw();
            return results;
        }
    }
}
