using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Mine.MLNet.Testing
{
    /// <summary>
    /// Compares a program's text output with a stored one: the text around the numbers must be equal, each number
    /// with decimals within <see cref="AbsoluteTolerance"/> or <see cref="RelativeTolerance"/> of the stored one
    /// (whichever is larger), each whole number of 100 or more within <see cref="CountTolerance"/>, smaller whole
    /// numbers exactly; a coordinate inside an inline SVG chart within <see cref="RelativeTolerance"/> of the chart's width
    /// (the numbers a bar draws get their tolerance on the axis' full scale, not on the few pixels of a short bar).
    /// Runs are seeded and bit-reproducible on one machine; the tolerances cover other CPUs, whose float kernels
    /// (and so the optimisation path) may differ slightly.
    /// </summary>
    public static class NumericOutputComparer
    {
        /// <summary>Absolute tolerance of a number with decimals (nats, standard errors, accuracies): 0.03.</summary>
        public const double AbsoluteTolerance = 0.03;

        /// <summary>Relative tolerance of a number with decimals: 3%.</summary>
        public const double RelativeTolerance = 0.03;

        /// <summary>Relative tolerance of a whole number of 100 or more (steps under early stopping, sizes): 10%.</summary>
        public const double CountTolerance = 0.10;

        /// <summary>An inline SVG chart, with its width in pixels.</summary>
        private static readonly Regex Chart = new(@"<svg\b[^>]*?\bwidth=""(\d+(?:\.\d+)?)""[^>]*>.*?</svg>", RegexOptions.Compiled | RegexOptions.Singleline);

        /// <summary>A number: digits with thousands commas or none, one decimal point at most (so "0.1.0" is two numbers).</summary>
        private static readonly Regex Number = new(@"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?", RegexOptions.Compiled);

        /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else what differs.</summary>
        public static string Difference(string expected, string actual)
        {
            string normalized = Normalize(expected);
            string expectedText = Number.Replace(normalized, "#");
            string actualText = Number.Replace(Normalize(actual), "#");
            if (expectedText != actualText)
                return $"the text differs:\nexpected: {expectedText}\nactual:   {actualText}";
            Match[] tokens = Number.Matches(normalized).ToArray();
            Match[] charts = Chart.Matches(normalized).ToArray();
            double[] e = Numbers(expected), a = Numbers(actual);
            for (int i = 0; i < e.Length; i++)
            {
                bool count = !tokens[i].Value.Contains('.') && Math.Abs(e[i]) >= 100;
                double allowed = count ? CountTolerance * Math.Abs(e[i]) : Math.Max(AbsoluteTolerance, RelativeTolerance * Math.Abs(e[i]));
                Match chart = charts.FirstOrDefault(c => tokens[i].Index >= c.Index && tokens[i].Index < c.Index + c.Length);
                if (chart != null)
                    allowed = Math.Max(allowed, RelativeTolerance * double.Parse(chart.Groups[1].Value, CultureInfo.InvariantCulture));
                if (!(Math.Abs(e[i] - a[i]) <= allowed))
                    return $"number {i + 1} is {a[i]}, stored {e[i]} (allowed difference {allowed}) in:\n{actual}";
            }
            return null;
        }

        private static double[] Numbers(string text)
            => Number.Matches(Normalize(text)).Select(m => double.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture)).ToArray();

        /// <summary>Line endings and trailing spaces do not count.</summary>
        private static string Normalize(string text)
            => string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
    }
}
