using System;
using System.Collections.Generic;

namespace Mine.MLNet.Tests.Notebooks
{
    /// <summary>
    /// What the .NET Interactive C# kernel gives every cell and the notebooks use: <c>display</c> and <c>HTML</c>.
    /// Here display prints and records the value.
    /// </summary>
    public sealed class NotebookGlobals
    {
        /// <summary>Every value displayed so far, as text.</summary>
        public List<string> Displayed { get; } = new();

        /// <summary>Shows a value (prints it).</summary>
        public object display(object value)
        {
            Displayed.Add(value?.ToString() ?? "null");
            Console.WriteLine(value);
            return value;
        }

        /// <summary>HTML content to display.</summary>
        public NotebookHtml HTML(string html) => new NotebookHtml(html);
    }
}
