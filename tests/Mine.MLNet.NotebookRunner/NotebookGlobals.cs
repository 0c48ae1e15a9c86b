using System.Collections.Generic;
using System.IO;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>
    /// What the .NET Interactive C# kernel gives every cell and the notebooks use: <c>display</c> and <c>HTML</c>.
    /// Console output and displayed values are recorded per cell, in order.
    /// </summary>
    public sealed class NotebookGlobals
    {
        private List<CellOutput> outputs = new();
        private StringWriter console = new();
        private int consumed;

        /// <summary>Shows a value: HTML as text/html, anything else as its text.</summary>
        public object display(object value)
        {
            FlushConsole();
            outputs.Add(value is NotebookHtml html
                ? new CellOutput("text/html", html.Html)
                : new CellOutput("text/plain", value?.ToString() ?? "null"));
            return value;
        }

        /// <summary>HTML content to display.</summary>
        public NotebookHtml HTML(string html) => new NotebookHtml(html);

        /// <summary>Starts recording a cell whose console output goes to <paramref name="captured"/>.</summary>
        internal void Begin(StringWriter captured)
        {
            outputs = new List<CellOutput>();
            console = captured;
            consumed = 0;
        }

        /// <summary>The cell's outputs, in order.</summary>
        internal List<CellOutput> End()
        {
            FlushConsole();
            return outputs;
        }

        private void FlushConsole()
        {
            string text = console.ToString();
            if (text.Length > consumed)
                outputs.Add(new CellOutput("stdout", text.Substring(consumed)));
            consumed = text.Length;
        }
    }
}
