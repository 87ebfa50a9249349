namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Counts a line's brackets outside strings, comments and template interpolations, as needed for indentation:
/// closers at the start of the line, all closers, and openers still open at its end.
/// </summary>
public static class BracketScanner
{
    public readonly record struct LineBrackets(int LeadingClosers, int Closers, int UnclosedOpeners);

    public static LineBrackets Scan(string trimmed)
    {
        var leading = 0;
        while (leading < trimmed.Length && trimmed[leading] is ')' or ']' or '}')
        {
            leading++;
        }

        var closers = 0;
        var openers = 0;
        // Inside a string: interpolation depth per nested string, so quotes within ${…} start strings of their own.
        var modes = new Stack<int>();
        var inString = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                else if ((c == '$' || c == '%') && i + 1 < trimmed.Length && trimmed[i + 1] == '{')
                {
                    modes.Push(0);
                    inString = false;
                    i++;
                }

                continue;
            }

            if (modes.Count > 0)
            {
                switch (c)
                {
                    case '"':
                        inString = true;
                        break;
                    case '{':
                        modes.Push(modes.Pop() + 1);
                        break;
                    case '}' when modes.Peek() == 0:
                        modes.Pop();
                        inString = true;
                        break;
                    case '}':
                        modes.Push(modes.Pop() - 1);
                        break;
                }

                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < trimmed.Length && trimmed[i + 1] == '/'))
            {
                break;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '[' or '{':
                    openers++;
                    break;
                case ')' or ']' or '}':
                    closers++;
                    if (openers > 0 && i >= leading)
                    {
                        openers--;
                        closers--;
                    }

                    break;
            }
        }

        return new LineBrackets(leading, closers, openers);
    }
}
