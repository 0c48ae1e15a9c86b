namespace Mine.MLNet.Tests.Notebooks
{
    /// <summary>HTML that a notebook cell displays.</summary>
    public sealed record NotebookHtml(string Html)
    {
        /// <inheritdoc/>
        public override string ToString() => Html;
    }
}
