using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>
    /// scikit-learn's <c>mutual_info_classif</c> (KSG, k = 3) run by /usr/bin/python3 on the same rows, for side-by-side
    /// figures. The rows go to a raw float32 file (features then label, row by row); the script times the call to
    /// <c>mutual_info_classif</c> alone (not the load) and reports its peak resident memory.
    /// </summary>
    public static class SklearnPeer
    {
        /// <summary>How to get the peer on Debian.</summary>
        public const string InstallHint = "apt-get install python3-sklearn libopenblas0-pthread";

        private const string Script = @"
import sys, time, resource
import numpy as np
from sklearn import __version__
from sklearn.feature_selection import mutual_info_classif
path, features, keep = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = np.fromfile(path, dtype=np.float32).reshape(-1, features + 1)
X, y = data[:, :features], data[:, features].astype(np.int64)
start = time.perf_counter()
scores = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
seconds = time.perf_counter() - start
order = np.argsort(-scores, kind='stable')
print('version', __version__)
print('seconds', seconds)
print('peak_mb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
print('kept', ' '.join(str(i) for i in order[:keep]))
print('scores', ' '.join('%d:%.4f' % (i, scores[i]) for i in order[:keep + 3]))
";

        /// <summary>Whether /usr/bin/python3 can import sklearn.</summary>
        public static bool Available()
        {
            try
            {
                var (code, _) = Python("-c", "import sklearn");
                return code == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        /// <summary>The result of one run: wall time of the call, peak memory, the kept feature indices and the version.</summary>
        public sealed record Outcome(double Seconds, double PeakMegabytes, int[] Kept, string Scores, string Version);

        /// <summary>Writes <paramref name="rows"/> to a temporary file and ranks them with sklearn.</summary>
        public static Outcome Run(IEnumerable<(float[] Features, bool Label)> rows, int features, int keep)
        {
            string data = Path.Combine(Path.GetTempPath(), $"mine-sklearn-{Environment.ProcessId}.f32");
            string script = Path.ChangeExtension(data, ".py");
            try
            {
                using (var writer = new BinaryWriter(File.Create(data)))
                {
                    foreach (var (x, label) in rows)
                    {
                        foreach (float v in x)
                            writer.Write(v);
                        writer.Write(label ? 1f : 0f);
                    }
                }
                File.WriteAllText(script, Script);
                var (code, output) = Python(script, data, features.ToString(CultureInfo.InvariantCulture), keep.ToString(CultureInfo.InvariantCulture));
                if (code != 0)
                    throw new InvalidOperationException("sklearn failed: " + output);
                var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
                return new Outcome(
                    double.Parse(lines["seconds"], CultureInfo.InvariantCulture),
                    double.Parse(lines["peak_mb"], CultureInfo.InvariantCulture),
                    lines["kept"].Split(' ').Select(int.Parse).ToArray(),
                    lines["scores"],
                    lines["version"]);
            }
            finally
            {
                File.Delete(data);
                File.Delete(script);
            }
        }

        private static (int Code, string Output) Python(params string[] arguments)
            => ChildProcess.Run(null, "/usr/bin/python3", arguments);
    }
}
