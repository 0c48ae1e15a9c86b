using System.Collections.Generic;
using System.Linq;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Mine.MLNet.NotebookRunner
{
    /// <summary>A cell's notebook outputs from the kernel's events, in order, as Polyglot Notebooks stores them.</summary>
    public static class CellOutputs
    {
        /// <summary>
        /// Consecutive writes to one stream are one text output (as a notebook shows them); each displayed value is one
        /// output, replaced in place by a later update of the same value; the return value comes last.
        /// </summary>
        public static List<InteractiveDocumentOutputElement> From(IEnumerable<KernelEvent> events)
        {
            var outputs = new List<InteractiveDocumentOutputElement>();
            var displayed = new Dictionary<string, int>();
            foreach (KernelEvent e in events)
            {
                switch (e)
                {
                    case StandardOutputValueProduced written:
                        AppendText(outputs, "stdout", written.FormattedValues.First().Value);
                        break;
                    case StandardErrorValueProduced written:
                        AppendText(outputs, "stderr", written.FormattedValues.First().Value);
                        break;
                    case DisplayedValueUpdated update when update.ValueId != null && displayed.TryGetValue(update.ValueId, out int index):
                        outputs[index] = Display(update);
                        break;
                    case ReturnValueProduced value:
                        var returned = new ReturnValueElement();
                        foreach (var formatted in value.FormattedValues)
                            returned.Data[formatted.MimeType] = formatted.Value;
                        outputs.Add(returned);
                        break;
                    case DisplayEvent display:
                        if (display.ValueId != null)
                            displayed[display.ValueId] = outputs.Count;
                        outputs.Add(Display(display));
                        break;
                }
            }
            return outputs;
        }

        private static DisplayElement Display(DisplayEvent display)
            => new(display.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value));

        private static void AppendText(List<InteractiveDocumentOutputElement> outputs, string stream, string text)
        {
            if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == stream)
                outputs[^1] = new TextElement(last.Text + text, stream);
            else
                outputs.Add(new TextElement(text, stream));
        }
    }
}
