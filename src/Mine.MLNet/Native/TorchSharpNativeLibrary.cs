using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML.Runtime;
using MineMLNet.Build;
using TorchSharp;

namespace Mine.MLNet.Native
{
    /// <summary>
    /// Makes TorchSharp's native library loadable on Linux hosts whose libstdc++ lacks GLIBCXX_3.4.32
    /// (Debian 12), with no build step: before TorchSharp's first use, a copy of libLibTorchSharp.so
    /// whose need for that version is marked WEAK (see build/WeakenGlibcxxVersionNeed.cs) is written to a
    /// per-user cache keyed by the original file's SHA-256, and a DllImport resolver hands that copy to
    /// TorchSharp. This covers what the buildTransitive targets cannot: a bare dll reference, a C# script
    /// or notebook that loads the library with <c>#r</c>.
    /// </summary>
    /// <remarks>
    /// Idempotent and safe under concurrent processes (the copy is written to a unique temporary file and
    /// renamed into place). Opt out with the environment variable <see cref="OptOutVariable"/>=1 or the
    /// AppContext switch <see cref="OptOutSwitch"/>; move the cache with <see cref="CacheVariable"/>.
    /// </remarks>
    internal static class TorchSharpNativeLibrary
    {
        /// <summary>Set to 1 (or true) to leave TorchSharp's native loading alone.</summary>
        public const string OptOutVariable = "MINE_MLNET_DISABLE_NATIVE_PATCH";

        /// <summary>AppContext switch with the same effect as <see cref="OptOutVariable"/>.</summary>
        public const string OptOutSwitch = "Mine.MLNet.DisableNativePatch";

        /// <summary>Directory of the per-user cache; default $XDG_CACHE_HOME/mine-mlnet or ~/.cache/mine-mlnet.</summary>
        public const string CacheVariable = "MINE_MLNET_CACHE";

        private const string NativeName = "LibTorchSharp";
        private const string NativeFile = "libLibTorchSharp.so";

        // TorchSharp 0.107 is built against libtorch 2.10.0 (package libtorch-cpu-linux-x64).
        private const string LibTorchVersion = "2.10.0";

        private static readonly object Gate = new object();
        private static string _outcome;
        private static bool _logged;

        /// <summary>
        /// Prepares the loadable copy once per process and logs what was done, once, to <paramref name="env"/>.
        /// Never throws: if anything goes wrong, TorchSharp's own loading runs unchanged and its error
        /// (with our reason logged) is what the user sees.
        /// </summary>
        public static void EnsureLoadable(IHostEnvironment env)
        {
            string message;
            lock (Gate)
            {
                _outcome ??= Prepare();
                message = _logged ? null : _outcome;
                _logged = true;
            }
            if (message != null && env != null)
            {
                using IChannel channel = env.Start("Mine.MLNet");
                channel.Info(MessageSensitivity.None, message);
            }
        }

        private static string Prepare()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture != Architecture.X64)
                return null;
            if (OptedOut())
                return $"Mine.MLNet: {OptOutVariable} is set; TorchSharp loads its native library unchanged.";
            if (ElfVersionNeedPatcher.HostLibstdcxxProvides(ElfVersionNeedPatcher.GlibcxxVersion, out string host))
                return null;

            try
            {
                Assembly torchSharp = typeof(torch).Assembly;
                string original = OriginalLibrary(torchSharp);
                if (original == null)
                    return $"Mine.MLNet: host libstdc++ lacks {ElfVersionNeedPatcher.GlibcxxVersion} but {NativeFile} was not found next to {torchSharp.Location} nor in the NuGet cache; TorchSharp loads unchanged.";

                byte[] image = File.ReadAllBytes(original);
                ElfPatchOutcome outcome = ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", ElfVersionNeedPatcher.GlibcxxVersion);
                string loadable = outcome switch
                {
                    ElfPatchOutcome.Patched => CachedCopy(original, image),
                    ElfPatchOutcome.AlreadyWeak => original,
                    _ => null,
                };
                if (loadable == null)
                    return null;

                // Loaded now, by path: TorchSharp then finds both by soname (its by-name probing and its DllImports
                // match an already loaded libtorch.so / libLibTorchSharp.so), wherever its own copies are.
                string libtorch = Candidates(torchSharp, "libtorch.so", Path.Combine("libtorch-cpu-linux-x64", LibTorchVersion)).FirstOrDefault(File.Exists);
                if (libtorch == null)
                    return $"Mine.MLNet: libtorch.so was not found next to {torchSharp.Location} nor in the NuGet cache; TorchSharp loads unchanged.";
                NativeLibrary.Load(libtorch);
                IntPtr handle = NativeLibrary.Load(loadable);
                NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == NativeName || name == NativeFile ? handle : IntPtr.Zero);
                return outcome == ElfPatchOutcome.Patched
                    ? $"Mine.MLNet: host libstdc++ ({host ?? "not found"}) lacks {ElfVersionNeedPatcher.GlibcxxVersion}; TorchSharp loads {loadable}, a copy of {original} with that need marked weak."
                    : $"Mine.MLNet: host libstdc++ ({host ?? "not found"}) lacks {ElfVersionNeedPatcher.GlibcxxVersion}; TorchSharp loads {loadable} (already patched at build time).";
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException || e is DllNotFoundException || e is BadImageFormatException)
            {
                // InvalidOperationException: another resolver is already registered for TorchSharp;
                // DllNotFoundException: the copy or libtorch does not load (the message says why).
                return $"Mine.MLNet: could not prepare a loadable copy of {NativeFile} ({e.GetType().Name}: {e.Message}); TorchSharp loads unchanged.";
            }
        }

        private static bool OptedOut()
        {
            string value = Environment.GetEnvironmentVariable(OptOutVariable);
            if (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                return true;
            return AppContext.TryGetSwitch(OptOutSwitch, out bool enabled) && enabled;
        }

        private static string OriginalLibrary(Assembly torchSharp)
        {
            string version = torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
                ?? torchSharp.GetName().Version?.ToString(3);
            return Candidates(torchSharp, NativeFile, Path.Combine("torchsharp", version ?? "")).FirstOrDefault(File.Exists);
        }

        /// <summary>
        /// Where a native file may be: next to the assembly (an application's output, a RID-specific publish),
        /// under its runtimes/linux-x64/native (a portable output), or in the NuGet cache's package folder.
        /// </summary>
        private static IEnumerable<string> Candidates(Assembly assembly, string file, string package)
        {
            string directory = Path.GetDirectoryName(assembly.Location);
            if (!string.IsNullOrEmpty(directory))
            {
                yield return Path.Combine(directory, file);
                yield return Path.Combine(directory, "runtimes", "linux-x64", "native", file);
            }
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(packages))
                packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            yield return Path.Combine(packages, package, "runtimes", "linux-x64", "native", file);
        }

        /// <summary>
        /// The patched copy in the per-user cache, written once: a unique temporary file renamed into place,
        /// so concurrent processes either see no file or a complete one.
        /// </summary>
        private static string CachedCopy(string original, byte[] patched)
        {
            string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(original))).ToLowerInvariant();
            string directory = Path.Combine(CacheRoot(), "libtorchsharp", hash.Substring(0, 16));
            string target = Path.Combine(directory, NativeFile);
            if (File.Exists(target))
                return target;

            Directory.CreateDirectory(directory);
            string temporary = Path.Combine(directory, $"{NativeFile}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temporary, patched);
            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another process put the same bytes there first.
                File.Delete(temporary);
            }
            return target;
        }

        private static string CacheRoot()
        {
            string configured = Environment.GetEnvironmentVariable(CacheVariable);
            if (!string.IsNullOrEmpty(configured))
                return configured;
            string xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = !string.IsNullOrEmpty(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "mine-mlnet");
        }
    }
}
