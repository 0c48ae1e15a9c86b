namespace Mine.MLNet
{
    /// <summary>One point of a MINE training or validation curve.</summary>
    /// <param name="Step">The optimisation step after which the value was taken.</param>
    /// <param name="Nats">The bound's value in nats.</param>
    public readonly record struct MineCurvePoint(int Step, double Nats);
}
