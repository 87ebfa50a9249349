using System.Text.RegularExpressions;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// The rules of <c>terraform fmt</c> that matter for review: two spaces per nesting level (one level per line that
/// leaves brackets open, as hclwrite counts), aligned <c>=</c> in consecutive single-line attributes, no tabs, no
/// trailing whitespace, a final newline. A multi-line attribute stands apart from single-line ones (a blank line or
/// a block between), so that fmt's alignment cannot move it either way.
/// </summary>
public static partial class FormatChecker
{
    [GeneratedRegex("""^(?<indent> *)(?<key>[A-Za-z_][\w-]*|"[^"]*")(?<gap> *)=(?![=>])""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""<<-?(?<marker>[A-Za-z_]+)\s*$""")]
    private static partial Regex Heredoc();

    public static IReadOnlyList<string> Check(string file, string text)
    {
        var problems = new List<string>();
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            problems.Add($"{file}: no newline at the end of the file");
        }

        var lines = text.Split('\n');
        var levels = new Stack<bool>();
        var group = new List<(int Line, int Indent, string Key, int Gap)>();
        var previousWasSingleAttribute = false;
        var previousLevel = -1;
        string? heredoc = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (heredoc is not null)
            {
                if (line.Trim() == heredoc)
                {
                    heredoc = null;
                }

                continue;
            }

            if (line.Length > 0 && char.IsWhiteSpace(line[^1]))
            {
                problems.Add($"{file}:{number}: trailing whitespace");
            }

            if (line.TakeWhile(char.IsWhiteSpace).Contains('\t'))
            {
                problems.Add($"{file}:{number}: tab in the indentation");
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                CloseGroup(file, group, problems);
                previousWasSingleAttribute = false;
                if (trimmed.Length > 0)
                {
                    CheckIndent(file, number, line, levels.Count(l => l), problems);
                }

                continue;
            }

            var scan = BracketScanner.Scan(trimmed);
            foreach (var _ in Enumerable.Range(0, scan.LeadingClosers))
            {
                if (levels.Count > 0)
                {
                    levels.Pop();
                }
            }

            var level = levels.Count(l => l);
            CheckIndent(file, number, line, level, problems);

            // The brackets this line leaves open: the outermost one opens the next nesting level.
            var remainingClosers = scan.Closers - scan.LeadingClosers;
            foreach (var _ in Enumerable.Range(0, remainingClosers))
            {
                if (levels.Count > 0)
                {
                    levels.Pop();
                }
            }

            for (var open = 0; open < scan.UnclosedOpeners; open++)
            {
                levels.Push(open == 0);
            }

            var match = Attribute().Match(line);
            var opensLevel = scan.UnclosedOpeners > 0;
            if (match.Success && !opensLevel && scan.LeadingClosers == 0)
            {
                if (group.Count > 0 && group[^1].Indent != match.Groups["indent"].Length)
                {
                    CloseGroup(file, group, problems);
                }

                group.Add((number, match.Groups["indent"].Length, match.Groups["key"].Value, match.Groups["gap"].Length));
                previousWasSingleAttribute = true;
                previousLevel = level;
                continue;
            }

            CloseGroup(file, group, problems);
            if (match.Success && opensLevel)
            {
                if (match.Groups["gap"].Length != 1)
                {
                    problems.Add($"{file}:{number}: one space before the = of a multi-line attribute");
                }

                if (previousWasSingleAttribute && previousLevel == level)
                {
                    problems.Add($"{file}:{number}: a multi-line attribute right after single-line attributes; put a blank line between them");
                }
            }

            if (Heredoc().Match(trimmed) is { Success: true } doc)
            {
                heredoc = doc.Groups["marker"].Value;
            }

            previousWasSingleAttribute = false;
        }

        CloseGroup(file, group, problems);
        return problems;
    }

    private static void CheckIndent(string file, int number, string line, int level, List<string> problems)
    {
        var indent = line.TakeWhile(c => c == ' ').Count();
        if (indent != level * 2)
        {
            problems.Add($"{file}:{number}: indented {indent} spaces, expected {level * 2}");
        }
    }

    private static void CloseGroup(string file, List<(int Line, int Indent, string Key, int Gap)> group, List<string> problems)
    {
        if (group.Count > 0)
        {
            var width = group.Max(g => g.Key.Length);
            foreach (var (line, _, key, gap) in group)
            {
                if (key.Length + gap != width + 1)
                {
                    problems.Add($"{file}:{line}: '=' of {key} not aligned with the attributes around it (column {key.Length + gap}, expected {width + 1})");
                }
            }
        }

        group.Clear();
    }
}
