using System;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Hosting
{
    /// <summary>The marked exception for a bad option, worded the same for every options class.</summary>
    internal static class OptionError
    {
        /// <summary>"<paramref name="owner"/>.<paramref name="name"/> <paramref name="rule"/>.", as a marked ArgumentOutOfRangeException naming the option.</summary>
        public static Exception Create(IExceptionContext context, string owner, string name, object value, string rule)
            => context.Process(new ArgumentOutOfRangeException(name, value, $"{owner}.{name} {rule}."));
    }
}
