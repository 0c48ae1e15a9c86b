using System;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// The CPU threads a piece of work may use: the option's number, or every core when it is automatic. Automatic
    /// budgets run independent trainings side by side, one libtorch thread each (<see cref="TrainingWorkers"/>); a fixed
    /// budget gives what is left over to libtorch's own threads.
    /// </summary>
    /// <param name="Threads">Threads in all.</param>
    /// <param name="Automatic">Whether the option left the count to Mine.MLNet.</param>
    internal readonly record struct ThreadBudget(int Threads, bool Automatic)
    {
        /// <summary>The budget of an option: null is every core, automatic.</summary>
        public static ThreadBudget For(int? numberOfThreads) => new(numberOfThreads ?? Environment.ProcessorCount, numberOfThreads == null);

        /// <summary>How many of <paramref name="items"/> independent trainings run at once.</summary>
        public int Workers(int items) => Math.Max(1, Math.Min(items, Threads));

        /// <summary>The share of each of <paramref name="workers"/> workers.</summary>
        public ThreadBudget Share(int workers) => this with { Threads = Math.Max(1, Threads / workers) };

        /// <summary>libtorch's threads for one training: one when automatic, the whole budget when fixed.</summary>
        public int IntraOpThreads => Automatic ? 1 : Threads;
    }
}
