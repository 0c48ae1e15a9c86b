using System;
using System.Globalization;
using System.IO;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// How many cores other processes kept busy since the previous reading, from Linux's /proc/stat (every process's CPU
    /// time) minus /proc/self/stat (this process's own, spinning OpenMP workers included). Elsewhere, or where /proc/stat
    /// does not describe the cores this process may use (a container limited to fewer cores than the host has), it reads
    /// nothing and callers fall back to one thread per worker.
    /// </summary>
    internal sealed class OtherProcessesLoad
    {
        private long lastTotal;
        private long lastBusy;
        private long lastOwn;

        private OtherProcessesLoad(long total, long busy, long own)
        {
            (lastTotal, lastBusy, lastOwn) = (total, busy, own);
        }

        /// <summary>The cores /proc/stat counts, when this process may use all of them; 0 otherwise.</summary>
        public int Cores { get; private set; }

        /// <summary>A reader whose first <see cref="BusyCores"/> covers the time from now; null where /proc cannot be read.</summary>
        public static OtherProcessesLoad Start()
        {
            if (!OperatingSystem.IsLinux())
                return null;
            try
            {
                if (!TryRead(out long total, out long busy, out int cores, out long own) || cores != Environment.ProcessorCount)
                    return null;
                return new OtherProcessesLoad(total, busy, own) { Cores = cores };
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// The average number of cores that other processes used since the previous call (or <see cref="Start"/>), or null
        /// when too little time has passed to tell (under 20 clock ticks of all cores together) or /proc stopped answering.
        /// </summary>
        public double? BusyCores()
        {
            try
            {
                if (!TryRead(out long total, out long busy, out _, out long own))
                    return null;
                long elapsed = total - lastTotal;
                if (elapsed < 20)
                    return null;
                double others = Math.Max(0, (busy - lastBusy) - (own - lastOwn));
                (lastTotal, lastBusy, lastOwn) = (total, busy, own);
                return Math.Min(Cores, others / elapsed * Cores);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...", in clock ticks summed over
        /// cores; idle and iowait are idle time, the rest (steal included: time the hypervisor gave away) is busy.
        /// </summary>
        private static bool TryRead(out long total, out long busy, out int cores, out long own)
        {
            total = busy = own = 0;
            cores = 0;
            foreach (string line in File.ReadLines("/proc/stat"))
            {
                if (line.StartsWith("cpu ", StringComparison.Ordinal))
                {
                    string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    for (int i = 1; i < fields.Length && i <= 8; i++)
                    {
                        long ticks = long.Parse(fields[i], CultureInfo.InvariantCulture);
                        total += ticks;
                        if (i != 4 && i != 5)
                            busy += ticks;
                    }
                }
                else if (line.StartsWith("cpu", StringComparison.Ordinal))
                {
                    cores++;
                }
                else
                {
                    break;
                }
            }
            // /proc/self/stat: "pid (comm) state ..."; utime and stime are fields 14 and 15, the 12th and 13th after the comm.
            string self = File.ReadAllText("/proc/self/stat");
            string[] after = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            own = long.Parse(after[11], CultureInfo.InvariantCulture) + long.Parse(after[12], CultureInfo.InvariantCulture);
            return total > 0;
        }
    }
}
