using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mine.MLNet.Testing;

namespace Mine.MLNet.Tests.Build
{
    /// <summary>
    /// Packs src/Mine.MLNet as a user would (dotnet pack), checks what the package declares, and runs an estimate
    /// from a fresh console app outside the repository that takes Mine.MLNet from that package alone, and from one that
    /// references Microsoft.ML.TorchSharp as well.
    /// </summary>
    [TestClass]
    public sealed class PackageConsumerTests
    {
        private static string root;
        private static string package;
        private static string version;

        [ClassInitialize]
        public static void Pack(TestContext _)
        {
            root = Path.Combine(Path.GetTempPath(), "mine-package-consumer-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            // A version of its own, so the NuGet cache never serves an older build of the same version.
            version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            string repository = TestAssemblyMetadata.RepositoryRoot;
            (int code, string output) = Run(root, "dotnet", "pack", Path.Combine(repository, "src", "Mine.MLNet", "Mine.MLNet.csproj"),
                "-c", "Release", "-o", Path.Combine(root, "feed"), "-p:PackageVersion=" + version);
            Assert.AreEqual(0, code, output);
            package = Path.Combine(root, "feed", $"Mine.MLNet.{version}.nupkg");
            Assert.IsTrue(File.Exists(package), output);
        }

        [ClassCleanup]
        public static void Remove()
        {
            if (root != null && Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }

        [TestMethod]
        public void ThePackageCarriesItsReadmeTargetsAndATestedMLNetRange()
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            CollectionAssert.IsSubsetOf(new[] { "README.md", "lib/net10.0/Mine.MLNet.dll", "buildTransitive/Mine.MLNet.targets", "buildTransitive/WeakenGlibcxxVersionNeed.cs",
                "interactive-extensions/dotnet/extension.dib" }, entries);
            string nuspec = new StreamReader(zip.GetEntry("Mine.MLNet.nuspec").Open()).ReadToEnd();
            StringAssert.Contains(nuspec, "<readme>README.md</readme>");
            StringAssert.Contains(nuspec, "id=\"Microsoft.ML\" version=\"[5.0.1, 5.1.0)\"");
        }

        [TestMethod]
        public void AFreshProjectRunsAnEstimateFromThePackage() => BuildAndRunAnEstimate("app");

        [TestMethod]
        public void AProjectThatAlsoReferencesMicrosoftMLTorchSharpRunsAnEstimate()
        {
            // Microsoft.ML.TorchSharp 0.23.1 was built for TorchSharp 0.102.7; restored beside Mine.MLNet it gets 0.107.0.
            string assets = BuildAndRunAnEstimate("with-ml-torchsharp", "<PackageReference Include=\"Microsoft.ML.TorchSharp\" Version=\"0.23.1\" />");
            StringAssert.Contains(assets, "\"Microsoft.ML.TorchSharp/0.23.1\"");
            StringAssert.Contains(assets, "\"TorchSharp/0.107.0\"");
        }

        /// <summary>
        /// Builds a console app in its own folder from the package (and <paramref name="otherReferences"/>), runs the
        /// consumer program and checks its estimate; returns the restore's project.assets.json.
        /// </summary>
        private static string BuildAndRunAnEstimate(string folder, string otherReferences = "")
        {
            string app = Path.Combine(root, folder);
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{Path.Combine(root, "feed")}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Mine.MLNet" Version="{version}" />
                    {otherReferences}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram.Source);
            (int build, string buildOutput) = Run(app, "dotnet", "build", "-c", "Release", "-o", Path.Combine(app, "out"));
            Assert.AreEqual(0, build, buildOutput);
            (int code, string output) = Run(app, "dotnet", Path.Combine(app, "out", "App.dll"));
            Assert.AreEqual(0, code, output);
            Assert.IsGreaterThan(0.3, ConsumerProgram.Nats(output), output);
            return File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        }

        private static (int ExitCode, string Output) Run(string directory, string file, params string[] arguments)
            => ChildProcess.Run(directory, file, arguments);
    }
}
