using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// Runs independent trainings (cross-fitting folds, groups of candidates) on worker threads, the calling thread being one of them, each
    /// worker on one libtorch thread unless the caller fixed a thread count. Independent trainings share no barrier, so a
    /// busy machine slows them by its fair share only (libtorch's own threads meet after every operation, and one
    /// descheduled thread holds up the rest); each owns its generators, so the results do not depend on how many workers
    /// run them. One libtorch thread also keeps the results independent of the machine: libtorch's matrix products on
    /// the small statistics networks sum in an order that depends on its thread count (measured: the same seed gave
    /// estimates that differed from the eighth digit on, with one thread and with two).
    /// </summary>
    internal static class TrainingWorkers
    {
        /// <summary>
        /// <paramref name="work"/>(i, share) for every i below <paramref name="count"/>, on as many threads as
        /// <paramref name="budget"/> allows (<see cref="ThreadBudget.Workers"/>), each with its share of the budget and that
        /// share's libtorch threads, in index order per worker. The first failure stops the workers from starting new items
        /// and is rethrown, with its stack trace, once every worker has ended.
        /// </summary>
        public static T[] Run<T>(int count, ThreadBudget budget, Func<int, ThreadBudget, T> work)
        {
            int workers = budget.Workers(count);
            ThreadBudget share = budget.Share(workers);
            var results = new T[count];
            int next = -1;
            ExceptionDispatchInfo failure = null;

            void Worker()
            {
                using TorchThreadLease lease = TorchThreadLease.Acquire(share.IntraOpThreads);
                int i;
                while (Volatile.Read(ref failure) == null && (i = Interlocked.Increment(ref next)) < count)
                {
                    try
                    {
                        results[i] = work(i, share);
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
