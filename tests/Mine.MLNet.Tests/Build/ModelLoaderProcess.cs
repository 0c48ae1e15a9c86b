using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mine.MLNet.Testing
{
    /// <summary>Runs tests/Mine.MLNet.ModelLoader, a process that references ML.NET's packages but not Mine.MLNet.</summary>
    public static class ModelLoaderProcess
    {
        /// <summary>
        /// Loads <paramref name="modelPath"/> in the loader and returns its output lines for the vector column
        /// <paramref name="column"/> of <paramref name="dataPath"/>: slot names first, then one line of values per row.
        /// </summary>
        public static string[] Run(string modelPath, string dataPath, string column)
        {
            string loader = typeof(ModelLoaderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ModelLoaderPath").Value;
            Assert.IsTrue(File.Exists(loader), loader);
            Assert.IsFalse(File.Exists(Path.Combine(Path.GetDirectoryName(loader), "Mine.MLNet.dll")), "the loader must not see Mine.MLNet");

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { loader, modelPath, dataPath, column })
                start.ArgumentList.Add(arg);
            using Process process = Process.Start(start);
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, stderr);
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
        }
    }
}
