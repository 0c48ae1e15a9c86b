using System.Collections.Generic;
using System.IO;
using System;
using System.Linq;
using System.Reactive.Linq;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>
    /// What the .NET Interactive tool does with a package that a cell restored: when its folder holds
    /// interactive-extensions/dotnet/extension.dib, the script's cells run once in the kernel (the tool also displays a
    /// "Loading extension script from PATH" line, left out here because the path is the machine's NuGet cache). Extension
    /// assemblies (IKernelExtension) are not loaded: no package these notebooks use ships one.
    /// </summary>
    public sealed class PackageExtensionScripts
    {
        private readonly CompositeKernel kernel;
        private readonly HashSet<string> seen = new();

        /// <summary>Scripts run in <paramref name="kernel"/>.</summary>
        public PackageExtensionScripts(CompositeKernel kernel) => this.kernel = kernel;

        /// <summary>Runs the extension script of each package not seen before; the first failure, or null.</summary>
        public async Task<CommandFailed> RunNewAsync(IEnumerable<PackageAdded> added)
        {
            foreach (string root in added.Select(a => a.PackageReference.PackageRoot).Where(r => r != null && seen.Add(r)))
            {
                var script = new FileInfo(Path.Combine(root, "interactive-extensions", "dotnet", "extension.dib"));
                if (!script.Exists)
                    continue;
                var failures = new List<CommandFailed>();
                using (kernel.KernelEvents.OfType<CommandFailed>().Subscribe(failures.Add))
                    await kernel.LoadAndRunInteractiveDocument(script);
                if (failures.Count > 0)
                    return failures[0];
            }
            return null;
        }
    }
}
