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
    /// The feature selectors practitioners already use, run by Debian's /usr/bin/python3 with scikit-learn on the same rows,
    /// each keeping its top k: <c>mutual_info_classif</c> (KSG, k = 3), a 300-tree random forest's impurity importance
    /// (all cores), and mRMR (relevance I(f; y) by KSG, redundancy the mean KSG I(f; s) over the columns already kept,
    /// greedy). Each method's time is its own call, not the load.
    /// </summary>
    public static class PythonPeers
    {
        /// <summary>How to get the peers on Debian.</summary>
        public const string InstallHint = "apt-get install python3-sklearn libopenblas0-pthread";

        /// <summary>The methods, by the names <see cref="Run"/> takes.</summary>
        public static readonly string[] Methods = { "ksg", "forest", "mrmr" };

        private const string Script = @"
import sys, time, resource
import numpy as np
from sklearn import __version__
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.ensemble import RandomForestClassifier
path, features, keep, methods = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(',')
data = np.fromfile(path, dtype=np.float32).reshape(-1, features + 1)
X, y = data[:, :features].astype(np.float64), data[:, features].astype(np.int64)
print('version', __version__)
def report(name, seconds, order, scores):
    print(name + '.seconds', seconds)
    print(name + '.kept', ' '.join(str(int(i)) for i in order[:keep]))
    print(name + '.scores', ' '.join('%d:%.4f' % (int(i), scores[i]) for i in order[:keep + 3]))
for m in methods:
    start = time.perf_counter()
    if m == 'ksg':
        scores = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
        order = np.argsort(-scores, kind='stable')
    elif m == 'forest':
        forest = RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=0).fit(X, y)
        scores = forest.feature_importances_
        order = np.argsort(-scores, kind='stable')
    elif m == 'mrmr':
        relevance = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
        chosen, redundancy = [], np.zeros(features)
        for step in range(keep):
            remaining = [j for j in range(features) if j not in chosen]
            value = relevance[remaining] - (redundancy[remaining] / len(chosen) if chosen else 0)
            best = remaining[int(np.argmax(value))]
            chosen.append(best)
            if step + 1 < keep:
                rest = [j for j in range(features) if j not in chosen]
                redundancy[rest] += mutual_info_regression(X[:, rest], X[:, best], n_neighbors=3, random_state=0)
        order = np.array(chosen + [j for j in np.argsort(-relevance, kind='stable') if j not in chosen])
        scores = relevance
    report(m, time.perf_counter() - start, order, scores)
print('peak_mb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
";

        /// <summary>One method's result: its wall time, the kept column indices, its top scores as text.</summary>
        public sealed record Outcome(string Method, double Seconds, int[] Kept, string Scores);

        /// <summary>Whether /usr/bin/python3 can import sklearn.</summary>
        public static bool Available()
        {
            try
            {
                return Python("-c", "import sklearn").Code == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        /// <summary>Writes the rows to a temporary float32 file and runs <paramref name="methods"/> on them; also returns scikit-learn's version.</summary>
        public static (List<Outcome> Outcomes, string Version) Run(float[][] features, int[] labels, int keep, IEnumerable<string> methods)
        {
            string data = Path.Combine(Path.GetTempPath(), $"mine-peers-{Environment.ProcessId}.f32");
            string script = Path.ChangeExtension(data, ".py");
            try
            {
                using (var writer = new BinaryWriter(File.Create(data)))
                {
                    for (int i = 0; i < labels.Length; i++)
                    {
                        foreach (float v in features[i])
                            writer.Write(v);
                        writer.Write((float)labels[i]);
                    }
                }
                File.WriteAllText(script, Script);
                string[] chosen = methods.ToArray();
                var (code, output) = Python(script, data, features[0].Length.ToString(CultureInfo.InvariantCulture), keep.ToString(CultureInfo.InvariantCulture), string.Join(",", chosen));
                if (code != 0)
                    throw new InvalidOperationException("scikit-learn failed: " + output);
                Dictionary<string, string> lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
                var outcomes = chosen.Select(m => new Outcome(m,
                    double.Parse(lines[m + ".seconds"], CultureInfo.InvariantCulture),
                    lines[m + ".kept"].Split(' ').Select(int.Parse).ToArray(),
                    lines[m + ".scores"])).ToList();
                return (outcomes, lines["version"]);
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
