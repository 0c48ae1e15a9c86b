using System;
using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Samples
{
    /// <summary>Lists and runs the samples: no arguments runs the main one; "list"; "run NAME"; "all".</summary>
    public static class Program
    {
        private static readonly Dictionary<string, Action> Samples = new(StringComparer.OrdinalIgnoreCase)
        {
            ["EstimateMutualInformation"] = Dynamic.EstimateMutualInformation.Example,
        };

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            string command = args.Length == 0 ? "run" : args[0];
            switch (command)
            {
                case "list":
                    foreach (string name in Samples.Keys)
                        Console.WriteLine(name);
                    return 0;
                case "all":
                    foreach (var (name, sample) in Samples.Select(kv => (kv.Key, kv.Value)))
                    {
                        Console.WriteLine($"== {name}");
                        sample();
                    }
                    return 0;
                case "run":
                    string chosen = args.Length > 1 ? args[1] : "EstimateMutualInformation";
                    if (!Samples.TryGetValue(chosen, out Action run))
                    {
                        Console.Error.WriteLine($"Unknown sample '{chosen}'. Samples: {string.Join(", ", Samples.Keys)}");
                        return 2;
                    }
                    run();
                    return 0;
                default:
                    Console.Error.WriteLine("Usage: Mine.MLNet.Samples [list | run NAME | all]");
                    return 2;
            }
        }
    }
}
