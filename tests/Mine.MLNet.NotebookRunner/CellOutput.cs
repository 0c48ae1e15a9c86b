using System.Linq;
using System.Text.Json.Nodes;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>One output of a code cell: "stdout" text, or a displayed value's MIME type and content.</summary>
    public sealed record CellOutput(string MimeType, string Text)
    {
        /// <summary>The output as a Jupyter/Polyglot notebook output object.</summary>
        public JsonNode ToNotebookOutput()
        {
            JsonArray lines = Lines(Text);
            if (MimeType == "stdout")
                return new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = lines };
            return new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = new JsonObject { [MimeType] = lines },
                ["metadata"] = new JsonObject(),
            };
        }

        /// <summary>Text split after each newline, as notebooks store multi-line strings.</summary>
        private static JsonArray Lines(string text)
        {
            var parts = text.Split('\n');
            return new JsonArray(parts.Select((p, i) => (JsonNode)(i < parts.Length - 1 ? p + "\n" : p)).Where(n => (string)n != "").ToArray());
        }
    }
}
