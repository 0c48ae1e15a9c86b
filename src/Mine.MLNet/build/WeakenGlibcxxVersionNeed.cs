// Compiled twice: at build time by MSBuild's RoslynCodeTaskFactory (see Mine.MLNet.targets), and into
// the library with MINE_ELF_PATCHER_LIBRARY defined (types internal, no MSBuild task), where
// Native/TorchSharpNativeLibrary uses it at run time. It must stay self-contained: no NuGet
// dependencies, no Python, no network.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so lists GLIBCXX_3.4.32 (GCC 13) as a version need,
// only for _ZSt21ios_base_library_initv, a link-time anchor that is never called. Hosts whose
// libstdc++ stops earlier (Debian 12: 3.4.30) refuse to load the library. Marking that one
// Vernaux entry WEAK (VER_FLG_WEAK, 0x2) lets the loader accept the missing version.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace MineMLNet.Build
{
    /// <summary>Outcome of <see cref="ElfVersionNeedPatcher.Weaken"/>.</summary>
#if MINE_ELF_PATCHER_LIBRARY
    internal
#else
    public
#endif
    enum ElfPatchOutcome
    {
        /// <summary>The entry was strong and is now weak.</summary>
        Patched,
        /// <summary>The entry was already weak; nothing changed.</summary>
        AlreadyWeak,
        /// <summary>The file does not need that version; nothing changed.</summary>
        NotNeeded,
        /// <summary>The file is not a little-endian ELF64 object; nothing changed.</summary>
        NotElf64,
    }

    /// <summary>Reads and edits the GNU version-needs table (.gnu.version_r) of an ELF64 file.</summary>
#if MINE_ELF_PATCHER_LIBRARY
    internal
#else
    public
#endif
    static class ElfVersionNeedPatcher
    {
        /// <summary>The version that Debian 12's libstdc++ lacks.</summary>
        public const string GlibcxxVersion = "GLIBCXX_3.4.32";

        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>
        /// Marks the need of <paramref name="library"/> for <paramref name="version"/> WEAK in the
        /// ELF image held in <paramref name="image"/> (edited in place).
        /// </summary>
        public static ElfPatchOutcome Weaken(byte[] image, string library, string version)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L'
                || image[3] != (byte)'F' || image[4] != 2 || image[5] != 1)
            {
                return ElfPatchOutcome.NotElf64;
            }

            long sectionTable = (long)U64(image, 0x28);
            int sectionSize = U16(image, 0x3A);
            int sectionCount = U16(image, 0x3C);
            for (int s = 0; s < sectionCount; s++)
            {
                long header = sectionTable + (long)s * sectionSize;
                if (U32(image, header + 4) != ShtGnuVerneed)
                    continue;

                long offset = (long)U64(image, header + 24);
                uint stringSection = U32(image, header + 40);
                uint needCount = U32(image, header + 44);
                long strings = (long)U64(image, sectionTable + stringSection * (long)sectionSize + 24);

                // Verneed: vn_version(2) vn_cnt(2) vn_file(4) vn_aux(4) vn_next(4).
                long need = offset;
                for (uint n = 0; n < needCount; n++)
                {
                    int auxCount = U16(image, need + 2);
                    string file = CString(image, strings + U32(image, need + 4));
                    long aux = need + U32(image, need + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        // Vernaux: vna_hash(4) vna_flags(2) vna_other(2) vna_name(4) vna_next(4).
                        string name = CString(image, strings + U32(image, aux + 8));
                        if (file == library && name == version)
                        {
                            ushort flags = U16(image, aux + 4);
                            if ((flags & VerFlagWeak) != 0)
                                return ElfPatchOutcome.AlreadyWeak;
                            flags |= VerFlagWeak;
                            image[aux + 4] = (byte)(flags & 0xff);
                            image[aux + 5] = (byte)(flags >> 8);
                            return ElfPatchOutcome.Patched;
                        }
                        aux += U32(image, aux + 12);
                    }
                    need += U32(image, need + 12);
                }
            }
            return ElfPatchOutcome.NotNeeded;
        }

        /// <summary>
        /// Patches the file at <paramref name="path"/> by writing a new file and moving it over the
        /// old one, so a hard link or symbolic link into the NuGet cache is replaced, never edited.
        /// The original timestamp is kept so incremental copies see the file as up to date.
        /// </summary>
        public static ElfPatchOutcome WeakenFile(string path, string library, string version)
        {
            byte[] image = File.ReadAllBytes(path);
            ElfPatchOutcome outcome = Weaken(image, library, version);
            if (outcome != ElfPatchOutcome.Patched)
                return outcome;

            DateTime stamp = File.GetLastWriteTimeUtc(path);
            string temporary = path + ".mine-patch.tmp";
            File.WriteAllBytes(temporary, image);
            File.SetLastWriteTimeUtc(temporary, stamp);
            File.Delete(path);
            File.Move(temporary, path);
            return outcome;
        }

        /// <summary>
        /// Whether the host's libstdc++.so.6 defines <paramref name="version"/>; false when none is found.
        /// </summary>
        public static bool HostLibstdcxxProvides(string version, out string libraryPath)
        {
            foreach (string candidate in LibstdcxxCandidates())
            {
                if (!File.Exists(candidate))
                    continue;
                libraryPath = candidate;
                return Contains(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(version + "\0"));
            }
            libraryPath = null;
            return false;
        }

        private static IEnumerable<string> LibstdcxxCandidates()
        {
            foreach (string line in LdconfigCache())
            {
                // "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
                string trimmed = line.Trim();
                int arrow = trimmed.IndexOf("=> ", StringComparison.Ordinal);
                if (trimmed.StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && arrow > 0
                    && trimmed.Contains("x86-64"))
                {
                    yield return trimmed.Substring(arrow + 3);
                }
            }
            foreach (string dir in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib" })
                yield return Path.Combine(dir, "libstdc++.so.6");
        }

        private static IEnumerable<string> LdconfigCache()
        {
            foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" })
            {
                if (!File.Exists(ldconfig))
                    continue;
                string output;
                try
                {
                    var info = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
                    using (Process process = Process.Start(info))
                    {
                        output = process.StandardOutput.ReadToEnd();
                        process.WaitForExit();
                    }
                }
                catch (Exception)
                {
                    yield break;
                }
                foreach (string line in output.Split('\n'))
                    yield return line;
                yield break;
            }
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                    j++;
                if (j == needle.Length)
                    return true;
            }
            return false;
        }

        private static ushort U16(byte[] b, long o) => (ushort)(b[o] | (b[o + 1] << 8));

        private static uint U32(byte[] b, long o) => (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));

        private static ulong U64(byte[] b, long o) => U32(b, o) | ((ulong)U32(b, o + 4) << 32);

        private static string CString(byte[] b, long o)
        {
            long end = o;
            while (end < b.Length && b[end] != 0)
                end++;
            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }

#if !MINE_ELF_PATCHER_LIBRARY
    /// <summary>
    /// MSBuild task: on a host whose libstdc++ lacks GLIBCXX_3.4.32, marks that need WEAK in the
    /// given copies of libLibTorchSharp.so. Idempotent; logs one line per patched file.
    /// </summary>
    public sealed class WeakenGlibcxxVersionNeed : Microsoft.Build.Utilities.Task
    {
        /// <summary>The copied native libraries (build or publish output, never the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            if (ElfVersionNeedPatcher.HostLibstdcxxProvides(ElfVersionNeedPatcher.GlibcxxVersion, out string host))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                    "Mine.MLNet: {0} provides {1}; TorchSharp needs no patch.", host, ElfVersionNeedPatcher.GlibcxxVersion);
                return true;
            }

            foreach (Microsoft.Build.Framework.ITaskItem item in Files)
            {
                string path = item.GetMetadata("FullPath");
                ElfPatchOutcome outcome = ElfVersionNeedPatcher.WeakenFile(path, "libstdc++.so.6", ElfVersionNeedPatcher.GlibcxxVersion);
                if (outcome == ElfPatchOutcome.Patched)
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        "Mine.MLNet: host libstdc++ ({0}) lacks {1}; marked that need weak in {2}",
                        host ?? "not found", ElfVersionNeedPatcher.GlibcxxVersion, path);
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
