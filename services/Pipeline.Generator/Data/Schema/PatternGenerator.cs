using System.Text;
using Bogus;

namespace Pipeline.Generator.Data.Schema;

/// <summary>
/// Generates strings that match a regular expression, for the subset schemas use: literals, classes (<c>[A-Z]</c>,
/// <c>[^…]</c>, <c>\d \w \s .</c>), groups with alternation and the quantifiers <c>? * + {n} {n,} {n,m}</c>; anchors
/// are taken as the ends of the string. Anything else (look-arounds, back-references, word boundaries) is rejected
/// with <see cref="NotSupportedException"/>, and the caller falls back to a fixed sample.
/// </summary>
internal sealed class PatternGenerator
{
    // Unbounded quantifiers stop this far past their minimum, which keeps values short and readable.
    private const int OpenEndedExtra = 8;

    private static readonly string Printable = string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(i => (char)i));
    private static readonly string Digits = "0123456789";
    private static readonly string WordChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

    private readonly string _pattern;
    private readonly PatternNode _root;
    private int _position;

    private PatternGenerator(string pattern)
    {
        _pattern = pattern;
        _root = ParseAlternation();
        if (_position != _pattern.Length)
        {
            throw Unsupported($"unexpected '{_pattern[_position]}' at {_position}");
        }
    }

    public static PatternGenerator Parse(string pattern) => new(pattern);

    public string Generate(Randomizer random)
    {
        var builder = new StringBuilder();
        Append(_root, random, builder);
        return builder.ToString();
    }

    private static void Append(PatternNode node, Randomizer random, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case PatternNodeKind.Chars:
                builder.Append(node.Choices[random.Number(0, node.Choices.Length - 1)]);
                break;
            case PatternNodeKind.Sequence:
                foreach (var child in node.Children)
                {
                    Append(child, random, builder);
                }

                break;
            case PatternNodeKind.Alternation:
                Append(node.Children[random.Number(0, node.Children.Count - 1)], random, builder);
                break;
            case PatternNodeKind.Repeat:
                var times = random.Number(node.Min, node.Max);
                for (var i = 0; i < times; i++)
                {
                    Append(node.Children[0], random, builder);
                }

                break;
        }
    }

    private PatternNode ParseAlternation()
    {
        var branches = new List<PatternNode> { ParseSequence() };
        while (Peek() == '|')
        {
            _position++;
            branches.Add(ParseSequence());
        }

        return branches.Count == 1 ? branches[0] : new PatternNode { Kind = PatternNodeKind.Alternation, Children = branches };
    }

    private PatternNode ParseSequence()
    {
        var items = new List<PatternNode>();
        while (_position < _pattern.Length && Peek() is not ('|' or ')'))
        {
            var c = _pattern[_position];
            if (c is '^' or '$')
            {
                _position++;
                continue;
            }

            var atom = ParseAtom();
            items.Add(ParseQuantifier(atom));
        }

        return new PatternNode { Kind = PatternNodeKind.Sequence, Children = items };
    }

    private PatternNode ParseAtom()
    {
        var c = _pattern[_position++];
        switch (c)
        {
            case '(':
                if (Peek() == '?')
                {
                    _position++;
                    if (Peek() == ':')
                    {
                        _position++;
                    }
                    else if (Peek() == '<' && _position + 1 < _pattern.Length && _pattern[_position + 1] is not ('=' or '!'))
                    {
                        var close = _pattern.IndexOf('>', _position);
                        if (close < 0)
                        {
                            throw Unsupported("unterminated group name");
                        }

                        _position = close + 1;
                    }
                    else
                    {
                        throw Unsupported("look-arounds and inline options");
                    }
                }

                var inner = ParseAlternation();
                if (Peek() != ')')
                {
                    throw Unsupported("unbalanced parenthesis");
                }

                _position++;
                return inner;
            case '[':
                return Chars(ParseClass());
            case '.':
                return Chars(Printable);
            case '\\':
                return Chars(ParseEscape(inClass: false));
            case '*' or '+' or '?' or '{' or ')' or ']':
                throw Unsupported($"unexpected '{c}'");
            default:
                return Chars(c.ToString());
        }
    }

    private PatternNode ParseQuantifier(PatternNode atom)
    {
        if (_position >= _pattern.Length)
        {
            return atom;
        }

        int min, max;
        switch (_pattern[_position])
        {
            case '?':
                (min, max) = (0, 1);
                _position++;
                break;
            case '*':
                (min, max) = (0, OpenEndedExtra);
                _position++;
                break;
            case '+':
                (min, max) = (1, 1 + OpenEndedExtra);
                _position++;
                break;
            case '{':
                var close = _pattern.IndexOf('}', _position);
                if (close < 0)
                {
                    throw Unsupported("unterminated {}");
                }

                var body = _pattern[(_position + 1)..close].Split(',');
                if (!int.TryParse(body[0], out min))
                {
                    throw Unsupported("quantifier without a minimum");
                }

                max = body.Length == 1 ? min
                    : body[1].Length == 0 ? min + OpenEndedExtra
                    : int.TryParse(body[1], out var m) ? m
                    : throw Unsupported("bad quantifier");
                _position = close + 1;
                break;
            default:
                return atom;
        }

        if (Peek() is '?' or '+')
        {
            // Lazy and possessive forms match the same strings.
            _position++;
        }

        if (max < min)
        {
            throw Unsupported("quantifier maximum below its minimum");
        }

        return new PatternNode { Kind = PatternNodeKind.Repeat, Children = [atom], Min = min, Max = max };
    }

    private string ParseClass()
    {
        var negate = Peek() == '^';
        if (negate)
        {
            _position++;
        }

        var set = new SortedSet<char>();
        var first = true;
        while (_position < _pattern.Length && (_pattern[_position] != ']' || first))
        {
            first = false;
            string from;
            if (_pattern[_position] == '\\')
            {
                _position++;
                from = ParseEscape(inClass: true);
            }
            else
            {
                from = _pattern[_position++].ToString();
            }

            if (from.Length == 1 && Peek() == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                _position++;
                var to = _pattern[_position] == '\\' ? EscapedSingle() : _pattern[_position++];
                if (to < from[0])
                {
                    throw Unsupported("reversed range");
                }

                for (var ch = from[0]; ch <= to; ch++)
                {
                    set.Add(ch);
                }
            }
            else
            {
                set.UnionWith(from);
            }
        }

        if (Peek() != ']')
        {
            throw Unsupported("unterminated character class");
        }

        _position++;
        var chars = negate ? Printable.Where(ch => !set.Contains(ch)) : set;
        var result = string.Concat(chars);
        return result.Length > 0 ? result : throw Unsupported("empty character class");
    }

    private char EscapedSingle()
    {
        _position++;
        var escaped = ParseEscape(inClass: true);
        return escaped.Length == 1 ? escaped[0] : throw Unsupported("a class escape as a range end");
    }

    private string ParseEscape(bool inClass)
    {
        if (_position >= _pattern.Length)
        {
            throw Unsupported("trailing backslash");
        }

        var c = _pattern[_position++];
        return c switch
        {
            'd' => Digits,
            'w' => WordChars,
            's' => " ",
            'D' => string.Concat(Printable.Where(ch => !char.IsAsciiDigit(ch))),
            'W' => string.Concat(Printable.Where(ch => !WordChars.Contains(ch, StringComparison.Ordinal))),
            'S' => string.Concat(Printable.Where(ch => ch != ' ')),
            't' => "\t",
            'n' => "\n",
            'r' => "\r",
            'b' when inClass => "\b",
            _ when char.IsAsciiLetterOrDigit(c) => throw Unsupported($"escape \\{c}"),
            _ => c.ToString(),
        };
    }

    private char? Peek() => _position < _pattern.Length ? _pattern[_position] : null;

    private static PatternNode Chars(string choices) => new() { Kind = PatternNodeKind.Chars, Choices = choices };

    private NotSupportedException Unsupported(string what) =>
        new($"Pattern '{_pattern}' is beyond what the generator can invert ({what}).");
}
