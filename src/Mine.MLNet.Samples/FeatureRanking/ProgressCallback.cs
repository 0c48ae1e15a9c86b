using System;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> that calls its action on the reporting thread, at once and in order (unlike
    /// <see cref="Progress{T}"/>, which posts to the thread pool when there is no synchronization context).
    /// </summary>
    public sealed class ProgressCallback<T> : IProgress<T>
    {
        private readonly Action<T> action;

        /// <summary>Calls <paramref name="action"/> for every report.</summary>
        public ProgressCallback(Action<T> action) => this.action = action ?? throw new ArgumentNullException(nameof(action));

        /// <inheritdoc/>
        public void Report(T value) => action(value);
    }
}
