using System.Text.Json.Nodes;
using Scriban;
using StudentRecords.Model;
using StudentRecords.Synth.Templates;

namespace StudentRecords.Synth.Review;

/// <summary>
/// The one-minute read of a stack for a reviewer (snapshots/&lt;stack&gt;.md): the settings worth checking,
/// who can reach what, how each data store is encrypted, and resource counts. Built from the synthesized
/// JSON, so it changes in a pull request exactly where the infrastructure does.
/// </summary>
public static class StackSummary
{
    private static readonly Template Template = EmbeddedTemplates.Load("summary.scriban");

    /// <param name="cost">The stack's lines of the monthly estimate, when it has any.</param>
    /// <param name="budget">A standby's recovery budget against the objectives (model/RecoveryBudget.cs).</param>
    public static string Render(string stack, JsonObject json, IReadOnlyList<string> checkovSkips, IReadOnlyList<CostLine>? cost = null, RecoveryBudget? budget = null)
    {
        var read = new StackReader(json);
        var model = new
        {
            Stack = stack,
            ResourceCount = read.Count("resource"),
            DataCount = read.Count("data"),
            // Written by synth/run.sh --primary-region-down: what the stack leaves out, and why.
            LeftOut = json["//"]?["primaryRegionDown"]?.AsArray().Select(r => (string?)r).ToList(),
            Diagram = TopologyDiagram.For(json),
            Network = read.Network(),
            Service = read.Service(),
            Database = read.Database(),
            Edge = read.Edge(),
            Exposure = read.Exposure(),
            Encryption = read.Encryption(),
            Counts = read.Counts(),
            Skips = checkovSkips,
            Cost = cost?.Where(l => l.Monthly > 0).Select(l => new { l.Item, l.Basis, Monthly = l.Monthly.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            CostTotal = cost?.Sum(l => l.Monthly).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            PricesDated = PriceTable.Dated,
            Budget = budget is null ? null : new
            {
                Recovery = budget.RecoveryLines,
                RecoverySeconds = budget.RecoverySeconds,
                Rto = budget.RtoMinutes,
                Loss = budget.DataLossLines,
                LossSeconds = budget.DataLossSeconds,
                Rpo = budget.RpoMinutes,
            },
        };
        return Template.Render(model).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

}
