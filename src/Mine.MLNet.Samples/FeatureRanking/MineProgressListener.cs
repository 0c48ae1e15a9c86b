using System;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Samples.FeatureRanking
{
    /// <summary>
    /// Follows the selector's progress through the MLContext log (where every ML.NET component reports) and
    /// hands on the current training step and the latest round message.
    /// </summary>
    public sealed partial class MineProgressListener : IDisposable
    {
        private readonly MLContext context;
        private readonly Action<int, int> onStep;
        private readonly Action<string> onRound;

        /// <summary>Starts listening; <paramref name="onStep"/> gets (step, max steps), <paramref name="onRound"/> round summaries.</summary>
        public MineProgressListener(MLContext context, Action<int, int> onStep, Action<string> onRound)
        {
            this.context = context;
            this.onStep = onStep;
            this.onRound = onRound;
            context.Log += OnLog;
        }

        /// <summary>Stops listening.</summary>
        public void Dispose() => context.Log -= OnLog;

        private void OnLog(object sender, LoggingEventArgs e)
        {
            if (e.Kind != ChannelMessageKind.Info)
                return;
            Match step = StepPattern().Match(e.Message);
            if (step.Success)
            {
                onStep(int.Parse(step.Groups[1].Value), int.Parse(step.Groups[2].Value));
                return;
            }
            Match round = RoundPattern().Match(e.Message);
            if (round.Success)
                onRound(round.Groups[1].Value);
        }

        [GeneratedRegex(@"MINE step (\d+)/(\d+)")]
        private static partial Regex StepPattern();

        [GeneratedRegex(@"(MutualInformationSelect (?:round \d+|final round|\(|: ranking).*)$")]
        private static partial Regex RoundPattern();
    }
}
