using System.Globalization;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// The parameters of a Query-protocol request (URL query and form body), read as every awsQuery service flattens its
/// shapes: scalars by name, lists as <c>Name.N</c> or <c>Name.member.N</c>, maps as <c>Name.entry.N.key</c>/<c>value</c>
/// or <c>Attribute.N.Name</c>/<c>Value</c>. Any key shape is tolerated: a key that is not what a reader looks for is
/// ignored (a key below an index, <c>Name.1.member.x</c>, is not an item of <c>Name</c>), a malformed number is
/// <c>InvalidParameterValue</c>, never a failure of LocalCloud.
/// </summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, string> values, string? requestUrl = null)
{
    /// <summary>The URL the request was sent to, path included (SQS's older clients post to the queue's URL).</summary>
    public string? RequestUrl => requestUrl;

    public string? Action => Get("Action");

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>Whether any parameter lies below <paramref name="name"/> (<c>name.…</c>).</summary>
    public bool HasUnder(string name)
    {
        var start = name + ".";
        return values.Keys.Any(k => k.StartsWith(start, StringComparison.Ordinal));
    }

    public int? Int(string name) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(text, name, "an integer")
        : null;

    public double? Double(string name) => Get(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(text, name, "a number")
        : null;

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw Invalid(text, name, "a boolean"),
    };

    /// <summary>An ISO 8601 timestamp, UTC unless it says otherwise.</summary>
    public DateTimeOffset? Timestamp(string name) => Get(name) is { } text
        ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : throw Invalid(text, name, "a timestamp")
        : null;

    /// <summary>The values of <c>name.1</c>, <c>name.2</c>, … in index order; null when there is none.</summary>
    public string[]? List(string name)
    {
        var items = Indices(name).Select(Get).OfType<string>().ToArray();
        return items.Length == 0 ? null : items;
    }

    /// <summary>
    /// A <c>name.member.N</c> list of strings; an empty list is sent as the bare name with no value, and no list at
    /// all is null.
    /// </summary>
    public List<string>? MemberList(string name) =>
        List(name + ".member") is { } items ? [.. items] : Has(name) ? [] : null;

    /// <summary>A <c>name.member.N</c> list of structures: their prefixes, or null when there is none.</summary>
    public List<T>? Members<T>(string name, Func<string, T> read)
    {
        var items = Indices(name + ".member").Select(read).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>
    /// A flattened map: <c>name.N.key</c>/<c>name.N.value</c> for each index N (SQS's <c>Attribute.N.Name</c>, SNS's
    /// <c>Attributes.entry.N.key</c>); an entry without its key is skipped, without its value is empty. Null when empty.
    /// </summary>
    public Dictionary<string, string>? Map(string name, string key = "key", string value = "value")
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Indices(name))
        {
            if (Get($"{p}.{key}") is { } k)
            {
                map[k] = Get($"{p}.{value}") ?? "";
            }
        }

        return map.Count == 0 ? null : map;
    }

    /// <summary>The distinct <c>name.N</c> prefixes present (N a positive integer), ordered by N.</summary>
    public IEnumerable<string> Indices(string name)
    {
        var start = name + ".";
        var indices = new SortedSet<int>();
        foreach (var key in values.Keys)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(start.Length);
            var dot = rest.IndexOf('.');
            var digits = dot < 0 ? rest : rest[..dot];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                indices.Add(index);
            }
        }

        return indices.Select(i => start + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static AwsServiceException Invalid(string value, string name, string kind) =>
        new("InvalidParameterValue", $"The value {value} for parameter {name} is invalid. Reason: Must be {kind}.");
}
