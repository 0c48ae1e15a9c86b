namespace Mine.MLNet.NotebookRunner
{
    /// <summary>HTML that a notebook cell displays.</summary>
    public sealed record NotebookHtml(string Html)
    {
        /// <inheritdoc/>
        public override string ToString() => Html;
    }
}
