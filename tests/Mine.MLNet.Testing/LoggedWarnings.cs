using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Testing
{
    /// <summary>Collects the warnings an <see cref="MLContext"/> logs, as ML.NET users see them through <c>context.Log</c>.</summary>
    public static class LoggedWarnings
    {
        /// <summary>A list that receives every warning <paramref name="context"/> logs from now on.</summary>
        public static List<string> Of(MLContext context)
        {
            var warnings = new List<string>();
            context.Log += (_, e) =>
            {
                if (e.Kind == ChannelMessageKind.Warning)
                    warnings.Add(e.RawMessage);
            };
            return warnings;
        }
    }
}
