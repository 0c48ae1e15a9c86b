namespace Mine.MLNet
{
    /// <summary>What the selector ranks and keeps.</summary>
    public enum SelectionCandidates
    {
        /// <summary>Every slot of every input column is one candidate (a scalar column is one slot).</summary>
        Slots,

        /// <summary>Every input column, with all its slots, is one candidate group.</summary>
        Columns,
    }
}
