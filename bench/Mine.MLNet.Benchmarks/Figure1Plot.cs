using System.Collections.Generic;
using System.Linq;

namespace Mine.MLNet.Benchmarks
{
    /// <summary>Draws Figure 1 (estimate against rho, one chart per dimension) with ScottPlot.</summary>
    public static class Figure1Plot
    {
        public static void Save(IReadOnlyList<Figure1Benchmark.Point> points, int dimensions, string path)
        {
            Figure1Benchmark.Point[] rows = points.Where(p => p.Dimensions == dimensions).OrderBy(p => p.Rho).ToArray();
            double[] rho = rows.Select(p => p.Rho).ToArray();
            var plot = new ScottPlot.Plot();
            Line(plot, rho, rows.Select(p => p.Truth), "truth");
            Line(plot, rho, rows.Select(p => p.Mine[MineBound.DonskerVaradhan].Nats), "MINE (DV)");
            Line(plot, rho, rows.Select(p => p.Mine[MineBound.Nwj].Nats), "MINE-f (NWJ)");
            Line(plot, rho, rows.Select(p => p.Mine[MineBound.Smile].Nats), "SMILE (default)");
            Line(plot, rho, rows.Select(p => p.Kraskov), "KSG (k=3)");
            plot.Title($"I(X;Z), {dimensions}-dimensional Gaussians, componentwise correlation rho");
            plot.XLabel("rho");
            plot.YLabel("mutual information (nats)");
            plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
            plot.SavePng(path, 800, 500);
        }

        private static void Line(ScottPlot.Plot plot, double[] x, IEnumerable<double> y, string label)
        {
            var scatter = plot.Add.Scatter(x, y.ToArray());
            scatter.LegendText = label;
        }
    }
}
