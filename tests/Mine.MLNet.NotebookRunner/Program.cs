using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>
    /// Usage: NotebookRunner NOTEBOOK.ipynb (--write | --out OUTPUTS.json).
    /// Runs every C# code cell of the notebook in order in one C# script session whose working directory and
    /// #r base are the notebook's folder, as the .NET Interactive kernel does for a local notebook. Each cell's
    /// console output and displayed values are collected. --write stores them in the notebook as Polyglot
    /// outputs; --out writes them as JSON (an array per code cell) for a test to compare with the stored ones.
    /// Exit code 0 when every cell ran, 1 when one failed (its error is printed), 2 for bad arguments.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length != 2 && args.Length != 3 || !File.Exists(args[0]) || args[1] != "--write" && (args[1] != "--out" || args.Length != 3))
            {
                Console.Error.WriteLine("usage: NotebookRunner NOTEBOOK.ipynb (--write | --out OUTPUTS.json)");
                return 2;
            }
            string path = Path.GetFullPath(args[0]);
            JsonNode notebook = JsonNode.Parse(File.ReadAllText(path));
            JsonNode[] codeCells = notebook["cells"].AsArray().Where(c => (string)c["cell_type"] == "code").ToArray();

            string directory = Path.GetDirectoryName(path);
            Environment.CurrentDirectory = directory;
            ScriptOptions options = ScriptOptions.Default
                .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
                .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory))
                .WithImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");

            var globals = new NotebookGlobals();
            var outputs = new List<List<CellOutput>>();
            ScriptState<object> state = null;
            TextWriter console = Console.Out;
            for (int i = 0; i < codeCells.Length; i++)
            {
                string source = string.Concat(codeCells[i]["source"].AsArray().Select(line => (string)line));
                var captured = new StringWriter();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                globals.Begin(captured);
                Console.SetOut(captured);
                try
                {
                    state = state == null
                        ? await CSharpScript.RunAsync(source, options, globals)
                        : await state.ContinueWithAsync(source, options);
                }
                catch (Exception e)
                {
                    Console.SetOut(console);
                    Console.Error.WriteLine($"{Path.GetFileName(path)}, code cell {i + 1} failed:\n{source}\n{e}");
                    Console.Error.WriteLine(captured.ToString());
                    return 1;
                }
                finally
                {
                    Console.SetOut(console);
                }
                List<CellOutput> cell = globals.End();
                outputs.Add(cell);
                console.WriteLine($"cell {i + 1}/{codeCells.Length}: {cell.Count} output(s), {clock.Elapsed.TotalSeconds:F1} s");
            }

            if (args[1] == "--write")
            {
                for (int i = 0; i < codeCells.Length; i++)
                {
                    codeCells[i]["execution_count"] = i + 1;
                    codeCells[i]["outputs"] = new JsonArray(outputs[i].Select(o => o.ToNotebookOutput()).ToArray());
                }
                File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }
            else
            {
                File.WriteAllText(args[2], JsonSerializer.Serialize(outputs.Select(cell => cell.Select(o => new { o.MimeType, o.Text }))));
            }
            return 0;
        }
    }
}
