using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MineMLNet.Build;

namespace Mine.MLNet.Tests.Build
{
    [TestClass]
    [TestCategory("Unit")]
    public sealed class ElfVersionNeedPatcherTests
    {
        private static string OriginalLibrary()
        {
            string root = typeof(ElfVersionNeedPatcherTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value;
            string path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            Assert.IsTrue(File.Exists(path), $"TorchSharp's native library is not at {path}");
            return path;
        }

        [TestMethod]
        public void WeakensExactlyOneFlagAndIsIdempotent()
        {
            byte[] original = File.ReadAllBytes(OriginalLibrary());
            byte[] image = (byte[])original.Clone();

            Assert.AreEqual(ElfPatchOutcome.Patched, ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", "GLIBCXX_3.4.32"));
            int[] changed = Enumerable.Range(0, image.Length).Where(i => image[i] != original[i]).ToArray();
            Assert.HasCount(1, changed);
            Assert.AreEqual(0x2, image[changed[0]] ^ original[changed[0]], "only VER_FLG_WEAK may change");

            byte[] once = (byte[])image.Clone();
            Assert.AreEqual(ElfPatchOutcome.AlreadyWeak, ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", "GLIBCXX_3.4.32"));
            CollectionAssert.AreEqual(once, image);
        }

        [TestMethod]
        public void LeavesOtherVersionNeedsAndNonElfFilesAlone()
        {
            byte[] image = File.ReadAllBytes(OriginalLibrary());
            Assert.AreEqual(ElfPatchOutcome.NotNeeded, ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", "GLIBCXX_9.9.99"));
            Assert.AreEqual(ElfPatchOutcome.NotElf64, ElfVersionNeedPatcher.Weaken(new byte[128], "libstdc++.so.6", "GLIBCXX_3.4.32"));
        }

        [TestMethod]
        public void PatchingALinkedCopyNeverChangesTheOriginal()
        {
            string original = OriginalLibrary();
            byte[] hashBefore = SHA256.HashData(File.ReadAllBytes(original));
            string dir = Directory.CreateTempSubdirectory("mine-elf-").FullName;
            try
            {
                // A symbolic link stands in for a copy that the SDK hard- or soft-linked to the cache.
                string link = Path.Combine(dir, "libLibTorchSharp.so");
                File.CreateSymbolicLink(link, original);

                Assert.AreEqual(ElfPatchOutcome.Patched, ElfVersionNeedPatcher.WeakenFile(link, "libstdc++.so.6", "GLIBCXX_3.4.32"));
                Assert.IsNull(new FileInfo(link).LinkTarget, "the link is replaced by a patched file");
                Assert.AreEqual(ElfPatchOutcome.AlreadyWeak, ElfVersionNeedPatcher.WeakenFile(link, "libstdc++.so.6", "GLIBCXX_3.4.32"));
                CollectionAssert.AreEqual(hashBefore, SHA256.HashData(File.ReadAllBytes(original)));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [TestMethod]
        public void BuildOutputCopyIsPatchedExactlyWhenTheHostLacksTheVersion()
        {
            string copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            if (!OperatingSystem.IsLinux())
                Assert.Inconclusive("The patch only applies on Linux.");
            bool hostHasIt = ElfVersionNeedPatcher.HostLibstdcxxProvides(ElfVersionNeedPatcher.GlibcxxVersion, out _);
            byte[] image = File.ReadAllBytes(copy);
            ElfPatchOutcome expected = hostHasIt ? ElfPatchOutcome.Patched : ElfPatchOutcome.AlreadyWeak;
            Assert.AreEqual(expected, ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", ElfVersionNeedPatcher.GlibcxxVersion));
        }
    }
}
