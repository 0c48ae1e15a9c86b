using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>
    /// Usage: NotebookRunner NOTEBOOK.ipynb (--write | --out OUTPUTS.ipynb).
    /// Reads the notebook with .NET Interactive's Documents library and runs every C# cell in order in one .NET
    /// Interactive C# kernel (the kernel Polyglot Notebooks runs, with #i and #r "nuget:" and the kernel helpers such as
    /// display and HTML, in a composite kernel), the working directory being the notebook's folder as in VS Code; a restored
    /// package's interactive-extensions/dotnet/extension.dib runs as the .NET Interactive tool runs it. Each cell's outputs are what
    /// the kernel produced: standard output and error, displayed values (an update replaces the value it updates) and the
    /// return value. --write stores them in the notebook; --out writes the notebook with them elsewhere, for a test to
    /// compare with the stored ones. Exit code 0 when every cell ran, 1 when one failed (its error is printed), 2 for bad
    /// arguments.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length != 2 && args.Length != 3 || !File.Exists(args[0]) || args[1] != "--write" && (args[1] != "--out" || args.Length != 3))
            {
                Console.Error.WriteLine("usage: NotebookRunner NOTEBOOK.ipynb (--write | --out OUTPUTS.ipynb)");
                return 2;
            }
            string path = Path.GetFullPath(args[0]);
            InteractiveDocument document = Notebook.Parse(File.ReadAllText(path));
            InteractiveDocumentElement[] codeCells = document.Elements.Where(e => e.KernelName != "markdown").ToArray();
            Environment.CurrentDirectory = Path.GetDirectoryName(path);

            // As the .NET Interactive tool sets up its C# kernel, inside a composite kernel; forceRestore: a freshly packed
            // package is always read.
            CSharpKernel csharp = new CSharpKernel()
                .UseNugetDirective((k, packages) =>
                {
                    k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                    return Task.CompletedTask;
                }, forceRestore: true)
                .UseKernelHelpers();
            using var kernel = new CompositeKernel { csharp };
            kernel.DefaultKernelName = csharp.Name;
            var extensions = new PackageExtensionScripts(kernel);

            for (int i = 0; i < codeCells.Length; i++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                KernelCommandResult result = await kernel.SendAsync(new SubmitCode(codeCells[i].Contents, csharp.Name));
                CommandFailed failed = result.Events.OfType<CommandFailed>().FirstOrDefault()
                    ?? await extensions.RunNewAsync(result.Events.OfType<PackageAdded>());
                if (failed != null)
                {
                    Console.Error.WriteLine($"{Path.GetFileName(path)}, code cell {i + 1} failed:\n{codeCells[i].Contents}\n{failed.Message}\n{failed.Exception}");
                    return 1;
                }
                List<InteractiveDocumentOutputElement> outputs = CellOutputs.From(result.Events);
                codeCells[i].Outputs.Clear();
                codeCells[i].Outputs.AddRange(outputs);
                codeCells[i].ExecutionOrder = i + 1;
                Console.WriteLine($"cell {i + 1}/{codeCells.Length}: {outputs.Count} output(s), {clock.Elapsed.TotalSeconds:F1} s");
            }

            File.WriteAllText(args[1] == "--write" ? path : args[2], document.ToJupyterJson() + "\n");
            return 0;
        }
    }
}
