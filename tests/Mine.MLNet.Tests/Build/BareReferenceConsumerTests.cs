using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Native;
using Mine.MLNet.Testing;
using MineMLNet.Build;

namespace Mine.MLNet.Tests.Build
{
    /// <summary>
    /// A console app outside the repository (so no Directory.Build.targets and no buildTransitive targets run) that
    /// references Mine.MLNet.dll with a plain &lt;Reference&gt; and takes TorchSharp from its NuGet package: its
    /// output holds TorchSharp's original, unpatched libLibTorchSharp.so. It must run an estimate because
    /// Mine.MLNet prepares a loadable copy at run time (Native/TorchSharpNativeLibrary).
    /// </summary>
    [TestClass]
    public sealed class BareReferenceConsumerTests
    {
        private static string root;
        private static string consumer;

        [ClassInitialize]
        public static void BuildConsumer(TestContext _)
        {
            root = Path.Combine(Path.GetTempPath(), "mine-bare-consumer-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            string library = typeof(MineOptions).Assembly.Location;
            File.WriteAllText(Path.Combine(root, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <PlatformTarget>x64</PlatformTarget>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="Mine.MLNet"><HintPath>{library}</HintPath></Reference>
                    <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                    <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
                    <PackageReference Include="Microsoft.ML.OnnxTransformer" Version="5.0.1" />
                    <PackageReference Include="Microsoft.ML.OnnxRuntime" Version="1.31.1" />
                    <PackageReference Include="MathNet.Numerics" Version="5.0.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(root, "Program.cs"), ConsumerProgram.Source);
            (int code, string output) = ChildProcess.Run(root, "dotnet", new[] { "build", "-c", "Release", "-o", Path.Combine(root, "out"), Path.Combine(root, "Consumer.csproj") });
            Assert.AreEqual(0, code, output);
            consumer = Path.Combine(root, "out", "Consumer.dll");
        }

        [ClassCleanup]
        public static void RemoveConsumer()
        {
            if (root != null && Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }

        private static bool HostNeedsPatch => !ElfVersionNeedPatcher.HostLibstdcxxProvides(ElfVersionNeedPatcher.GlibcxxVersion, out _);

        [TestMethod]
        public void TheConsumerOutputHoldsTheUnpatchedLibrary()
        {
            string shipped = Directory.GetFiles(Path.Combine(root, "out"), "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
            byte[] image = File.ReadAllBytes(shipped);
            Assert.AreEqual(ElfPatchOutcome.Patched, ElfVersionNeedPatcher.Weaken(image, "libstdc++.so.6", ElfVersionNeedPatcher.GlibcxxVersion),
                "no build step may have patched the consumer's copy, or this test would prove nothing");
        }

        [TestMethod]
        public void TheConsumerRunsAnEstimateWithAFreshCacheAndLogsOneLine()
        {
            string cache = Path.Combine(root, "cache-" + Guid.NewGuid().ToString("N"));
            ProcessResult run = Run("dotnet", new[] { consumer }, cache);
            Assert.AreEqual(0, run.ExitCode, run.Output);
            Assert.IsGreaterThan(0.3, ConsumerProgram.Nats(run.Output), run.Output);
            if (!HostNeedsPatch)
                return;

            Assert.HasCount(1, run.Output.Split('\n').Where(l => l.StartsWith("Mine.MLNet:")).ToArray(), run.Output);
            StringAssert.Contains(run.Output, cache);
            string copy = Directory.GetFiles(cache, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
            Assert.AreEqual(ElfPatchOutcome.AlreadyWeak, ElfVersionNeedPatcher.Weaken(File.ReadAllBytes(copy), "libstdc++.so.6", ElfVersionNeedPatcher.GlibcxxVersion));
            Assert.IsEmpty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));

            // Second run: the cached copy is reused as it is.
            DateTime written = File.GetLastWriteTimeUtc(copy);
            ProcessResult again = Run("dotnet", new[] { consumer }, cache);
            Assert.AreEqual(0, again.ExitCode, again.Output);
            Assert.AreEqual(written, File.GetLastWriteTimeUtc(copy));
        }

        [TestMethod]
        public void ConcurrentFirstRunsShareOneCachedCopy()
        {
            string cache = Path.Combine(root, "cache-" + Guid.NewGuid().ToString("N"));
            ProcessResult[] runs = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Run("dotnet", new[] { consumer }, cache)))).Result;
            foreach (ProcessResult run in runs)
                Assert.AreEqual(0, run.ExitCode, run.Output);
            Assert.AreEqual(1, runs.Select(r => r.Output.Split('\n').Single(l => l.StartsWith("nats="))).Distinct().Count(), "same seed, same estimate");
            if (HostNeedsPatch)
            {
                Assert.HasCount(1, Directory.GetFiles(cache, "libLibTorchSharp.so", SearchOption.AllDirectories));
                Assert.IsEmpty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));
            }
        }

        [TestMethod]
        public void OptingOutLeavesTorchSharpToFailOnAHostThatNeedsThePatch()
        {
            if (!HostNeedsPatch)
                return; // Nothing to opt out of: TorchSharp loads its own copy.
            ProcessResult run = Run("dotnet", new[] { consumer }, Path.Combine(root, "cache-opt-out"),
                (TorchSharpNativeLibrary.OptOutVariable, "1"));
            Assert.AreNotEqual(0, run.ExitCode, "without the run-time copy the unpatched library must not load: " + run.Output);
            StringAssert.Contains(run.Output, "TorchSharp");
        }

        private sealed record ProcessResult(int ExitCode, string Output);

        /// <summary>Runs the consumer with <paramref name="cache"/> as the native-library cache and no opt-out unless given.</summary>
        private static ProcessResult Run(string file, IEnumerable<string> arguments, string cache, params (string Name, string Value)[] environment)
        {
            var variables = new Dictionary<string, string>
            {
                [TorchSharpNativeLibrary.CacheVariable] = cache,
                [TorchSharpNativeLibrary.OptOutVariable] = null,
            };
            foreach ((string name, string value) in environment)
                variables[name] = value;
            (int code, string output) = ChildProcess.Run(root, file, arguments, variables);
            return new ProcessResult(code, output);
        }
    }
}
