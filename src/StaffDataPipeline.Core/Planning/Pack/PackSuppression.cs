using System.Globalization;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// Small numbers: a count of people under <see cref="Below"/> (suppress_below_heads, 5 by default) is shown as
/// <c>&lt;5</c>, zero included (a zero would say "nobody", which is as telling as "one"). Counts are rounded to whole
/// people first. In a table whose rows or columns add up to a total, a suppressed count could be worked out by
/// subtraction, so <see cref="Grid"/> adds secondary suppression: while any total-and-parts equation has exactly one
/// hidden member, or its total is shown and its hidden parts add up to under the threshold, the smallest shown part in
/// it (else its total) is hidden too. 0 turns suppression off.
/// </summary>
public sealed class PackSuppression(int below)
{
    public int Below { get; } = below;

    public string Symbol => "<" + Below.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A count hidden only so that a small one cannot be worked out (secondary suppression): it may be any size, so it
    /// must not read as "under 5".
    /// </summary>
    public const string SecondarySymbol = "*";

    /// <summary>The rule as stated on every sheet that shows counts.</summary>
    public string Rule => Below <= 0
        ? "Small numbers are not suppressed in this pack (suppress_below_heads is 0): do not publish it as it is. FTE and WTE are shown to one decimal."
        : $"Counts of people under {Below} (zero included) are shown as {Symbol}. Where a table has totals, more counts are hidden, shown as {SecondarySymbol} (any size), in any row or column where a hidden count, or a sum of hidden counts under {Below}, could otherwise be worked out from the total (secondary suppression), and a share of people is hidden when a count it rests on is. Counts are rounded to whole people first; FTE and WTE are shown to one decimal and are not suppressed.";

    public bool Hides(double count) => Below > 0 && Whole(count) < Below;

    /// <summary>A count on its own (no total in its table).</summary>
    public PackCell Count(double count) => Hides(count) ? PackCell.Of(Symbol) : PackCell.Of(Whole(count));

    public static double Whole(double count) => Math.Round(count, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Cells of a grid of whole counts whose last row is the column totals (<paramref name="totalRow"/>) and/or whose
    /// last column is the row totals (<paramref name="totalColumn"/>), with primary and secondary suppression.
    /// </summary>
    public PackCell[,] Grid(double[,] counts, bool totalRow, bool totalColumn)
    {
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var hidden = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                hidden[i, j] = Hides(counts[i, j]);
            }
        }

        var equations = new List<List<(int Row, int Column, bool IsTotal)>>();
        if (totalColumn)
        {
            equations.AddRange(Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => (i, j, j == columns - 1)).ToList()));
        }

        if (totalRow)
        {
            equations.AddRange(Enumerable.Range(0, columns).Select(j => Enumerable.Range(0, rows).Select(i => (i, j, i == rows - 1)).ToList()));
        }

        for (var changed = Below > 0; changed;)
        {
            changed = false;
            foreach (var equation in equations.Where(e => e.Count > 1 && Disclosed(e)))
            {
                var next = equation.Where(m => !hidden[m.Row, m.Column])
                    .OrderBy(m => m.IsTotal).ThenBy(m => counts[m.Row, m.Column]).ThenBy(m => m.Row).ThenBy(m => m.Column)
                    .First();
                hidden[next.Row, next.Column] = true;
                changed = true;
            }
        }

        // An equation gives a hidden count away when it is the only one hidden, or when its total is shown and the
        // hidden parts (total minus the shown parts) add up to under the threshold: "<5" and "<5" beside a total that
        // leaves 0 for them both would say that both are 0.
        bool Disclosed(List<(int Row, int Column, bool IsTotal)> equation)
        {
            var hiddenMembers = equation.Where(m => hidden[m.Row, m.Column]).ToList();
            if (hiddenMembers.Count == 0 || hiddenMembers.Count == equation.Count)
            {
                return false;
            }

            return hiddenMembers.Count == 1 || (hiddenMembers.All(m => !m.IsTotal) && Whole(hiddenMembers.Sum(m => counts[m.Row, m.Column])) < Below);
        }

        var cells = new PackCell[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                cells[i, j] = !hidden[i, j] ? PackCell.Of(Whole(counts[i, j]))
                    : Hides(counts[i, j]) ? PackCell.Of(Symbol)
                    : PackCell.Of(SecondarySymbol);
            }
        }

        return cells;
    }
}
