using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Mine.MLNet.Testing
{
    /// <summary>Runs a program to the end and returns its exit code with its standard output and error together.</summary>
    public static class ChildProcess
    {
        /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/> (null: the current one) with extra environment variables.</summary>
        public static (int ExitCode, string Output) Run(string directory, string file, IEnumerable<string> arguments,
            IReadOnlyDictionary<string, string> environment = null)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (directory != null)
                start.WorkingDirectory = directory;
            foreach (string argument in arguments)
                start.ArgumentList.Add(argument);
            if (environment != null)
            {
                foreach (KeyValuePair<string, string> variable in environment)
                {
                    if (variable.Value == null)
                        start.Environment.Remove(variable.Key);
                    else
                        start.Environment[variable.Key] = variable.Value;
                }
            }
            using Process process = Process.Start(start);
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }
}
